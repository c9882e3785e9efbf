import LVSWire

/// The TCP resets DPVS (`tcp_send_rst`) and Alibaba LVS send to both ends when an
/// ESTABLISHED NAT or FULL-NAT entry expires: a bare 20-byte header with RST, window 0,
/// over IP with TTL 64, DF and ID 0, checksums computed. The caller gives the addresses and
/// numbers as they appear after translation.
struct ResetBuilder {
    var source: (address: IPAddress, port: UInt16)
    var destination: (address: IPAddress, port: UInt16)
    var sequence: UInt32
    var acknowledgement: UInt32
    var destinationMAC: MACAddress
    var sourceMAC: MACAddress

    func build(into buffer: PacketBuffer) {
        let network = EthernetView.headerLength
        let ipv4 = source.address.isIPv4
        let ipLength = (ipv4 ? IPv4View.minimumHeaderLength : IPv6View.headerLength) + TCPView.minimumHeaderLength
        buffer.reset(length: network + ipLength)
        let bytes = buffer.mutableBytes
        EthernetHeader(destination: destinationMAC, source: sourceMAC, etherType: ipv4 ? .ipv4 : .ipv6).emit(into: bytes)
        let ip = UnsafeMutableRawBufferPointer(rebasing: bytes[network...])
        switch (source.address, destination.address) {
        case let (.v4(s), .v4(d)):
            IPv4Header(source: s, destination: d, protocol: .tcp, payloadLength: TCPView.minimumHeaderLength)
                .emit(into: ip, computingChecksum: true)
        case let (.v6(s), .v6(d)):
            IPv6Header(source: s, destination: d, nextHeader: .tcp, payloadLength: UInt16(TCPView.minimumHeaderLength))
                .emit(into: ip)
        default:
            preconditionFailure("reset across address families")
        }
        let segment = UnsafeMutableRawBufferPointer(rebasing: bytes[(network + ipLength - TCPView.minimumHeaderLength)...])
        TCPHeader(sourcePort: source.port, destinationPort: destination.port, sequenceNumber: SequenceNumber(sequence),
                  acknowledgementNumber: SequenceNumber(acknowledgement), flags: .rst, window: 0).emit(into: segment)
        PacketEditing.fillTransportChecksum(segment, proto: .tcp, source: source.address, destination: destination.address)
    }
}

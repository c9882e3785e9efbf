import LVSWire

/// Rewrites the addresses and ports of a TCP or UDP packet in place and fixes the
/// checksums as IPVS does (`tcp_dnat_handler` / `udp_snat_handler` ...):
///
/// - the transport checksum is updated incrementally over every changed word
///   (`tcp_fast_csum_update`), which carries an invalid input checksum through unchanged;
/// - UDP with checksum 0 takes the "full checksum" branch instead and gets a real one
///   (lvs-reference.md §0.3); any UDP result of 0 is sent as 0xFFFF (`CSUM_MANGLED_0`);
/// - `fullRecompute` forces the full branch (payload or option length changed);
/// - the IPv4 header checksum is recomputed from scratch (`ip_send_check`).
struct TransportRewrite {
    var source: (address: IPAddress, port: UInt16)?
    var destination: (address: IPAddress, port: UInt16)?
    /// Words already changed in the segment (sequence numbers, options).
    var delta = ChecksumDelta()
    var fullRecompute = false

    func apply(to bytes: UnsafeMutableRawBufferPointer, _ parsed: ParsedFrame, ipLength: Int) {
        let network = parsed.network
        let segment = UnsafeMutableRawBufferPointer(rebasing: bytes[parsed.transport..<(network + ipLength)])
        let checksumField = parsed.isTCP ? TCPView.Field.checksum : UDPView.Field.checksum
        let original = segment.u16(at: checksumField)
        var delta = self.delta
        if let source {
            delta.replace(PacketEditing.source(bytes, network: network, isIPv4: parsed.isIPv4), with: source.address)
            delta.replace(segment.u16(at: TCPView.Field.sourcePort), with: source.port)
            PacketEditing.setSource(bytes, network: network, source.address)
            segment.setU16(source.port, at: TCPView.Field.sourcePort)
        }
        if let destination {
            delta.replace(PacketEditing.destination(bytes, network: network, isIPv4: parsed.isIPv4),
                          with: destination.address)
            delta.replace(segment.u16(at: TCPView.Field.destinationPort), with: destination.port)
            PacketEditing.setDestination(bytes, network: network, destination.address)
            segment.setU16(destination.port, at: TCPView.Field.destinationPort)
        }
        if fullRecompute || (parsed.isUDP && original == 0) {
            PacketEditing.fillTransportChecksum(
                segment, proto: parsed.ipProtocol,
                source: PacketEditing.source(bytes, network: network, isIPv4: parsed.isIPv4),
                destination: PacketEditing.destination(bytes, network: network, isIPv4: parsed.isIPv4))
        } else {
            var updated = delta.apply(to: original)
            if parsed.isUDP, updated == 0 { updated = 0xFFFF }
            segment.setU16(updated, at: checksumField)
        }
        if parsed.isIPv4 { PacketEditing.refreshIPv4Checksum(bytes, network: network) }
    }
}

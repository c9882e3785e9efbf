import LVSWire

/// Rewrites the addresses and ports of a TCP or UDP packet in place and fixes the
/// checksums as IPVS does (`tcp_dnat_handler` / `udp_snat_handler` ...):
///
/// - the transport checksum is updated incrementally over every changed word
///   (`tcp_fast_csum_update`), which carries an invalid input checksum through unchanged;
/// - UDP with checksum 0 takes the "full checksum" branch instead and gets a real one
///   (lvs-reference.md §0.3); any UDP result of 0 is sent as 0xFFFF (`CSUM_MANGLED_0`);
/// - `fullRecompute` forces the full branch (payload or option length changed);
/// - the IPv4 header checksum gets the value `ip_send_check` computes, by an incremental
///   update over the addresses when the header checksum was right and its length unchanged.
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
        // The IPv4 header's own words that change: the addresses.
        var headerDelta = ChecksumDelta()
        if let source {
            let old = PacketEditing.source(bytes, network: network, isIPv4: parsed.isIPv4)
            delta.replace(old, with: source.address)
            if parsed.isIPv4 { headerDelta.replace(old, with: source.address) }
            delta.replace(segment.u16(at: TCPView.Field.sourcePort), with: source.port)
            PacketEditing.setSource(bytes, network: network, source.address)
            segment.setU16(source.port, at: TCPView.Field.sourcePort)
        }
        if let destination {
            let old = PacketEditing.destination(bytes, network: network, isIPv4: parsed.isIPv4)
            delta.replace(old, with: destination.address)
            if parsed.isIPv4 { headerDelta.replace(old, with: destination.address) }
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
        guard parsed.isIPv4 else { return }
        // A TOA insertion changed the total length after the checksum was last right.
        if ipLength == parsed.ipLength {
            PacketEditing.updateIPv4Checksum(bytes, network: network, headerDelta)
        } else {
            PacketEditing.refreshIPv4Checksum(bytes, network: network)
        }
    }
}

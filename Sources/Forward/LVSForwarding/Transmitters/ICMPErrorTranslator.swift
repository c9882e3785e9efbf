import LVSWire

/// The NAT rewrite of an ICMP error about a connection (`ip_vs_nat_icmp`,
/// `ip_vs_nat_icmp_v6`; lvs-reference.md §0.4): the outer addresses, the quoted IP
/// header's addresses (and its header checksum, recomputed), the quoted port, then the
/// ICMP checksum over the whole message (ICMPv6: with the new pseudo-header) and the outer
/// IPv4 header checksum. The quoted TCP/UDP checksum is left stale, as the kernel leaves it.
struct ICMPErrorTranslator {
    var outerSource: IPAddress?
    var outerDestination: IPAddress?
    var quotedSource: (address: IPAddress, port: UInt16)?
    var quotedDestination: (address: IPAddress, port: UInt16)?

    func apply(to bytes: UnsafeMutableRawBufferPointer, _ parsed: ParsedFrame, quote: QuotedPacket) {
        if let outerSource { PacketEditing.setSource(bytes, network: parsed.network, outerSource) }
        if let outerDestination { PacketEditing.setDestination(bytes, network: parsed.network, outerDestination) }
        if let quotedSource {
            PacketEditing.setSource(bytes, network: quote.network, quotedSource.address)
            bytes.setU16(quotedSource.port, at: quote.ports)
        }
        if let quotedDestination {
            PacketEditing.setDestination(bytes, network: quote.network, quotedDestination.address)
            bytes.setU16(quotedDestination.port, at: quote.ports + 2)
        }
        let message = UnsafeMutableRawBufferPointer(rebasing: bytes[parsed.transport..<parsed.end])
        if parsed.isIPv4 {
            PacketEditing.refreshIPv4Checksum(bytes, network: quote.network)
            InternetChecksum.fillICMPv4(message)
            PacketEditing.refreshIPv4Checksum(bytes, network: parsed.network)
        } else if case let .v6(source) = PacketEditing.source(bytes, network: parsed.network, isIPv4: false),
                  case let .v6(destination) = PacketEditing.destination(bytes, network: parsed.network, isIPv4: false) {
            InternetChecksum.fillICMPv6(message, source: source, destination: destination)
        }
    }

    /// IPVS checks an ICMPv4 error's checksum before rewriting it (`ip_vs_checksum_complete`).
    static func hasValidChecksum(_ frame: UnsafeRawBufferPointer, _ parsed: ParsedFrame) -> Bool {
        guard parsed.isIPv4 else { return true }
        let message = frame.slice(from: parsed.transport, length: parsed.end - parsed.transport)
        return ChecksumStatus(verifyingICMPv4: message, declaredLength: message.count).isGood
    }
}

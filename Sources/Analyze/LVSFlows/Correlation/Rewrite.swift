/// The header fields that differ between two legs of one LVS connection, as the director
/// rewrote them (lvs-reference.md §2): NAT changes the destination address (and port),
/// FULL-NAT both addresses and ports (and in DPVS/Alibaba the sequence numbers), DR only
/// the destination MAC, TUN adds an outer header. Routing's own changes are left out: a
/// MAC change when the IP header changed too, and a TTL decremented by one per hop.
public struct Rewrite: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let srcIP = Rewrite(rawValue: 1 << 0)
    public static let dstIP = Rewrite(rawValue: 1 << 1)
    public static let srcPort = Rewrite(rawValue: 1 << 2)
    public static let dstPort = Rewrite(rawValue: 1 << 3)
    public static let srcMAC = Rewrite(rawValue: 1 << 4)
    public static let dstMAC = Rewrite(rawValue: 1 << 5)
    /// TTL / hop limit set to another value than the forwarding decrement explains.
    public static let ttl = Rewrite(rawValue: 1 << 6)
    /// An outer IP header was added (IP-in-IP, GRE).
    public static let encapsulated = Rewrite(rawValue: 1 << 7)
    /// The initial sequence number changed (FULL-NAT's sequence delta, SYN proxy).
    public static let seq = Rewrite(rawValue: 1 << 8)

    /// Field names in this fixed order.
    public static let names: [(Rewrite, String)] = [
        (.srcIP, "srcIP"), (.dstIP, "dstIP"), (.srcPort, "srcPort"), (.dstPort, "dstPort"), (.srcMAC, "srcMAC"),
        (.dstMAC, "dstMAC"), (.ttl, "ttl"), (.encapsulated, "encapsulated"), (.seq, "seq"),
    ]

    public var fieldNames: [String] { Rewrite.names.filter { contains($0.0) }.map(\.1) }

    /// Comma-separated names, `-` when empty.
    public var description: String { isEmpty ? "-" : fieldNames.joined(separator: ",") }
}

import LVSWire

/// Per-capture layer counts for `lvscope decode --summary` (DESIGN.md §4): a layer counts
/// once per frame that contains it anywhere, as tshark's `frame.protocols` does.
public struct DecodeSummary: Sendable, Equatable {
    /// The summary's layer keys, in the order of the JSON contract.
    public static let keys = ["eth", "vlan", "sll", "arp", "ip", "ipv6", "tcp", "udp", "icmp", "icmpv6", "ipip", "gre"]

    public var packets = 0
    public var bytes = 0
    public var truncated = 0
    public var malformed = 0
    /// Frames with at least one anomaly.
    public var anomalous = 0
    /// Counts indexed like `keys`.
    public var counts = [Int](repeating: 0, count: DecodeSummary.keys.count)

    public init() {}

    /// Adds one decoded frame.
    @inlinable
    public mutating func add(_ packet: DecodedPacket) {
        packets += 1
        bytes += packet.capturedLength
        switch packet.status {
        case .complete: break
        case .truncated: truncated += 1
        case .malformed: malformed += 1
        }
        if packet.anomalies.rawValue != 0 { anomalous += 1 }
        let set = packet.layers
        if set.contains(.ethernet) { counts[0] += 1 }
        if set.contains(.vlan) { counts[1] += 1 }
        if set.contains(.sll) || set.contains(.sll2) { counts[2] += 1 }
        if set.contains(.arp) { counts[3] += 1 }
        if set.contains(.ipv4) { counts[4] += 1 }
        if set.contains(.ipv6) { counts[5] += 1 }
        if set.contains(.tcp) { counts[6] += 1 }
        if set.contains(.udp) { counts[7] += 1 }
        if set.contains(.icmp) { counts[8] += 1 }
        if set.contains(.icmpv6) { counts[9] += 1 }
        if set.contains(.ipInIP) { counts[10] += 1 }
        if set.contains(.gre) { counts[11] += 1 }
    }

    public func count(_ key: String) -> Int {
        DecodeSummary.keys.firstIndex(of: key).map { counts[$0] } ?? 0
    }

    public mutating func merge(_ other: DecodeSummary) {
        packets += other.packets
        bytes += other.bytes
        truncated += other.truncated
        malformed += other.malformed
        anomalous += other.anomalous
        for i in counts.indices { counts[i] += other.counts[i] }
    }
}

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
    public var counts: [Int] {
        [eth, vlan, sll, arp, ip, ipv6, tcp, udp, icmp, icmpv6, ipip, gre]
    }

    // One stored counter per key: an array would be checked for uniqueness on every add.
    @usableFromInline var eth = 0, vlan = 0, sll = 0, arp = 0, ip = 0, ipv6 = 0
    @usableFromInline var tcp = 0, udp = 0, icmp = 0, icmpv6 = 0, ipip = 0, gre = 0

    public init() {}

    /// Adds one decoded frame.
    @inlinable @inline(__always)
    public mutating func add(_ packet: borrowing DecodedPacket) {
        packets += 1
        bytes += packet.capturedLength
        switch packet.status {
        case .complete: break
        case .truncated: truncated += 1
        case .malformed: malformed += 1
        }
        if packet.anomalies.rawValue != 0 { anomalous += 1 }
        let set = packet.layers
        eth &+= set.count(.ethernet)
        vlan &+= set.count(.vlan)
        sll &+= set.contains(.sll) || set.contains(.sll2) ? 1 : 0
        arp &+= set.count(.arp)
        ip &+= set.count(.ipv4)
        ipv6 &+= set.count(.ipv6)
        tcp &+= set.count(.tcp)
        udp &+= set.count(.udp)
        icmp &+= set.count(.icmp)
        icmpv6 &+= set.count(.icmpv6)
        ipip &+= set.count(.ipInIP)
        gre &+= set.count(.gre)
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
        eth += other.eth; vlan += other.vlan; sll += other.sll; arp += other.arp; ip += other.ip
        ipv6 += other.ipv6; tcp += other.tcp; udp += other.udp; icmp += other.icmp; icmpv6 += other.icmpv6
        ipip += other.ipip; gre += other.gre
    }
}

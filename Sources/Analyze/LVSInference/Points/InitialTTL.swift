/// The TTL / hop limit a host puts on the packets it sends itself (RFC 1700's 64 and the
/// 128, 255 and 32 of other stacks). A packet carrying one of them left its sender
/// within this link; any other value was lowered by a forwarding hop on the way. IPVS
/// decrements on every forwarded request since Linux 4.10, and `ip_forward` on NAT replies
/// (lvs-reference.md §0.1), so "initial or not" tells a host's own packets from the ones it
/// relays.
enum InitialTTL {
    static let values: [UInt8] = [32, 64, 128, 255]

    static func isInitial(_ ttl: UInt8) -> Bool { values.contains(ttl) }

    /// Every packet of the range carried one initial value.
    static func isInitial(_ range: ClosedRange<UInt8>?) -> Bool {
        guard let range else { return false }
        return range.lowerBound == range.upperBound && isInitial(range.upperBound)
    }

    /// Every packet of the range was forwarded at least once (no initial value in it).
    static func isForwarded(_ range: ClosedRange<UInt8>?) -> Bool {
        guard let range else { return false }
        return !values.contains { range.contains($0) }
    }
}

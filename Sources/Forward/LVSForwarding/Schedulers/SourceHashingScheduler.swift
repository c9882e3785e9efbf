import LVSConfig

/// Source hashing (`ip_vs_sh.c`): 256 buckets; walking the list, each destination takes
/// `weight` consecutive buckets (at least one, even with weight 0), wrapping until all 256
/// are filled. The client address (plus the client port with `sh-port`) picks the bucket:
/// `(offset + hash(port + addr)) & 255`.
///
/// Without `sh-fallback` an unavailable owner (weight <= 0 or overloaded) means no
/// destination (ICMP unreachable). With it, offsets 0...255 are tried from the original
/// bucket; the kernel adds the offset to `(offset + ihash) % 256`, so the bucket visited
/// at step k is `(k + 2 * ihash) & 255`.
public struct SourceHashingScheduler: Scheduler {
    public static let bucketCount = 256
    public private(set) var buckets: [Int]
    public let variant: SourceHashVariant
    public let fallback: Bool
    public let hashesPort: Bool

    public init(destinations: DestinationTable, variant: SourceHashVariant, fallback: Bool, hashesPort: Bool) {
        self.variant = variant
        self.fallback = fallback
        self.hashesPort = hashesPort
        buckets = Self.assign(destinations)
    }

    public mutating func pick(from destinations: DestinationTable, for request: SchedulingRequest) -> Int? {
        guard !buckets.isEmpty else { return nil }
        let key = (hashesPort ? UInt32(request.clientPort) : 0) &+ SchedulerHash.fold(request.clientAddress)
        let home = SchedulerHash.bucket(key, offset: 0, variant: variant)
        if destinations.isUsable(buckets[home]) { return buckets[home] }
        guard fallback else { return nil }
        for step in 0..<Self.bucketCount {
            let offset = UInt32((step + home) % Self.bucketCount)
            let candidate = buckets[SchedulerHash.bucket(key, offset: offset, variant: variant)]
            if destinations.isUsable(candidate) { return candidate }
        }
        return nil
    }

    public mutating func destinationsChanged(_ destinations: DestinationTable, removed: Int?) {
        buckets = Self.assign(destinations)
    }

    /// `ip_vs_sh_reassign`: stay on a destination until it filled `weight` buckets (the
    /// `++d_count >= weight` test moves on after one bucket for weight 0).
    static func assign(_ destinations: DestinationTable) -> [Int] {
        let list = destinations.list
        guard !list.isEmpty else { return [] }
        var result: [Int] = []
        result.reserveCapacity(bucketCount)
        var position = 0
        var filled = 0
        while result.count < bucketCount {
            let index = list[position]
            result.append(index)
            filled += 1
            if filled >= destinations.weight[index] {
                position = (position + 1) % list.count
                filled = 0
            }
        }
        return result
    }
}

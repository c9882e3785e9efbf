import LVSConfig

/// Destination hashing (`ip_vs_dh.c`): 256 buckets filled round robin over the list, one
/// bucket per destination in turn (weights ignored); the packet's destination address picks
/// the bucket. An unavailable bucket owner (weight <= 0 or overloaded) means no destination.
///
/// The bucket hash follows the profile's `SourceHashVariant`: old trees multiply by
/// 2654435761 and keep the low bits, newer ones use `hash_32` (the same change as in sh).
public struct DestinationHashingScheduler: Scheduler {
    public static let bucketCount = 256
    /// The destination of each bucket; empty when the list is empty.
    public private(set) var buckets: [Int]
    public let variant: SourceHashVariant

    public init(destinations: DestinationTable, variant: SourceHashVariant) {
        self.variant = variant
        buckets = Self.assign(destinations)
    }

    public mutating func pick(from destinations: DestinationTable, for request: SchedulingRequest) -> Int? {
        guard !buckets.isEmpty else { return nil }
        let key = SchedulerHash.fold(request.destinationAddress)
        let index = buckets[SchedulerHash.bucket(key, offset: 0, variant: variant)]
        return destinations.isUsable(index) ? index : nil
    }

    public mutating func destinationsChanged(_ destinations: DestinationTable, removed: Int?) {
        buckets = Self.assign(destinations)
    }

    /// `ip_vs_dh_reassign`: bucket i belongs to list entry i mod n.
    static func assign(_ destinations: DestinationTable) -> [Int] {
        let list = destinations.list
        guard !list.isEmpty else { return [] }
        return (0..<bucketCount).map { list[$0 % list.count] }
    }
}

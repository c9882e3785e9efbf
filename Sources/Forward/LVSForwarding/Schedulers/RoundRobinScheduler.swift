/// Round robin (`ip_vs_rr.c`): continue after the last chosen destination and take the
/// first one with weight > 0 that is not overloaded, wrapping once around the list.
///
/// The cursor is the kernel's `sched_data`: the list head (nil) or the last chosen
/// destination. From the head one pass covers the list; from a destination the walk goes
/// to the end, then from the start up to and including that destination.
public struct RoundRobinScheduler: Scheduler {
    /// The last chosen destination (an index into the table), nil for the list head.
    public private(set) var cursor: Int?

    public init() {}

    public mutating func pick(from destinations: DestinationTable, for request: SchedulingRequest) -> Int? {
        let list = destinations.list
        guard !list.isEmpty else { return nil }
        // From the head: positions 0..<n. From the cursor at p: p+1..<n, then 0...p. Both
        // are n steps starting one past the cursor.
        let first = cursor.flatMap { list.firstIndex(of: $0) }.map { ($0 + 1) % list.count } ?? 0
        for step in 0..<list.count {
            let index = list[(first + step) % list.count]
            if destinations.isUsable(index) {
                cursor = index
                return index
            }
        }
        return nil
    }

    /// `ip_vs_rr_del_dest`: a removed cursor moves to the entry before it (or the head).
    public mutating func destinationsChanged(_ destinations: DestinationTable, removed: Int?) {
        guard let removed, removed == cursor else { return }
        cursor = previous(of: removed, in: destinations)
    }

    private func previous(of removed: Int, in destinations: DestinationTable) -> Int? {
        // The table's list no longer holds `removed`; its neighbour is the last listed
        // destination configured before it.
        destinations.list.last { $0 < removed }
    }
}

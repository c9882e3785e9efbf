/// Shortest expected delay (`ip_vs_sed.c`): the wlc walk with overhead = active + 1
/// (the incoming connection counted in), inactive connections ignored.
public struct ShortestExpectedDelayScheduler: Scheduler {
    public init() {}

    public mutating func pick(from destinations: DestinationTable, for request: SchedulingRequest) -> Int? {
        WeightedLeastConnectionScheduler.leastLoaded(in: destinations) { destinations.activeConnections[$0] + 1 }
    }
}

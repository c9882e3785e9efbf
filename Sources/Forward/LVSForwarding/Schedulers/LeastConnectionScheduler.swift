/// Least connection (`ip_vs_lc.c`): the smallest `ip_vs_dest_conn_overhead`, skipping
/// overloaded destinations and weight 0; strict `<`, so the first in list order wins ties.
public struct LeastConnectionScheduler: Scheduler {
    public init() {}

    public mutating func pick(from destinations: DestinationTable, for request: SchedulingRequest) -> Int? {
        var least: Int?
        var leastOverhead = 0
        for index in destinations.list {
            if destinations.overloaded[index] || destinations.weight[index] == 0 { continue }
            let overhead = destinations.overhead(index)
            if least == nil || overhead < leastOverhead {
                least = index
                leastOverhead = overhead
            }
        }
        return least
    }
}

/// Never queue (`ip_vs_nq.c`): the first usable destination with no active connection is
/// taken at once; otherwise the sed rule (overhead active + 1, `loh * w(d) > doh * w(least)`).
/// Overloaded destinations and weight 0 are skipped.
public struct NeverQueueScheduler: Scheduler {
    public init() {}

    public mutating func pick(from destinations: DestinationTable, for request: SchedulingRequest) -> Int? {
        var least: Int?
        var leastOverhead = 0
        for index in destinations.list {
            if destinations.overloaded[index] || destinations.weight[index] == 0 { continue }
            let overhead = destinations.activeConnections[index] + 1
            if destinations.activeConnections[index] == 0 { return index }
            if let current = least {
                guard leastOverhead * destinations.weight[index] > overhead * destinations.weight[current] else {
                    continue
                }
            }
            least = index
            leastOverhead = overhead
        }
        return least
    }
}

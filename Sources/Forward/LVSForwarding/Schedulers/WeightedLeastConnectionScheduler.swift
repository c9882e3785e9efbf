/// Weighted least connection (`ip_vs_wlc.c`), the default scheduler.
///
/// The first destination that is not overloaded and has weight > 0 is the initial pick;
/// every later non-overloaded destination replaces it when `loh * w(d) > doh * w(least)`
/// (64-bit products), so the earlier destination wins ties and weight 0 never wins.
public struct WeightedLeastConnectionScheduler: Scheduler {
    public init() {}

    public mutating func pick(from destinations: DestinationTable, for request: SchedulingRequest) -> Int? {
        Self.leastLoaded(in: destinations, overhead: destinations.overhead)
    }

    /// The wlc walk with a pluggable overhead; `sed` uses active + 1, `lblc`/`lblcr` reuse it.
    static func leastLoaded(in destinations: DestinationTable, overhead: (Int) -> Int) -> Int? {
        let list = destinations.list
        guard let start = list.firstIndex(where: { destinations.isUsable($0) }) else { return nil }
        var least = list[start]
        var leastOverhead = overhead(least)
        for index in list[(start + 1)...] where !destinations.overloaded[index] {
            let candidate = overhead(index)
            if leastOverhead * destinations.weight[index] > candidate * destinations.weight[least] {
                least = index
                leastOverhead = candidate
            }
        }
        return least
    }
}

/// Weighted overflow (`ip_vs_ovf.c`): the highest weight among destinations that are not
/// overloaded, have weight != 0 and no more active connections than their weight; the top
/// server fills up to its weight, then the next one takes the overflow.
public struct WeightedOverflowScheduler: Scheduler {
    public init() {}

    public mutating func pick(from destinations: DestinationTable, for request: SchedulingRequest) -> Int? {
        var best: Int?
        var bestWeight = 0
        for index in destinations.list {
            let weight = destinations.weight[index]
            if destinations.overloaded[index] || destinations.activeConnections[index] > weight || weight == 0 {
                continue
            }
            if best == nil || weight > bestWeight {
                best = index
                bestWeight = weight
            }
        }
        return best
    }
}

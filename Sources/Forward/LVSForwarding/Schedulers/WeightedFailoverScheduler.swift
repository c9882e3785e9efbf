/// Weighted failover (`ip_vs_fo.c`): the highest weight among destinations that are not
/// overloaded; strict `>`, so the first in list order wins ties and weight 0 never wins.
public struct WeightedFailoverScheduler: Scheduler {
    public init() {}

    public mutating func pick(from destinations: DestinationTable, for request: SchedulingRequest) -> Int? {
        var best: Int?
        var bestWeight = 0
        for index in destinations.list where !destinations.overloaded[index] && destinations.weight[index] > bestWeight {
            best = index
            bestWeight = destinations.weight[index]
        }
        return best
    }
}

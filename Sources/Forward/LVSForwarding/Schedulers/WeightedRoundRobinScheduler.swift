/// Weighted round robin (`ip_vs_wrr.c`).
///
/// `di` is the gcd of the positive weights (1 when there are none), `mw` the maximum weight
/// minus `di - 1`, and `cw` the current required weight, starting at `mw`. The walk
/// continues after the last chosen destination and takes the first one that is not
/// overloaded with weight >= `cw`; at the end of the list `cw` drops by `di` and the walk
/// restarts from the head; at `cw <= 0` it resets to `mw`. The `last_pass`/`restarted`/
/// `stop` bookkeeping ends the search after every destination was tried with `cw = 1`.
///
/// Weights 4, 3, 2 (gcd 1, mw 4) give A A B A B C A B C, then again from the start.
public struct WeightedRoundRobinScheduler: Scheduler {
    /// `mark->cl`: the last chosen destination, nil for the list head.
    public private(set) var cursor: Int?
    /// `mark->cw`, `mark->mw`, `mark->di`.
    public private(set) var currentWeight: Int
    public private(set) var maximumWeight: Int
    public private(set) var step: Int

    public init(destinations: DestinationTable) {
        cursor = nil
        step = Self.gcdOfWeights(destinations)
        maximumWeight = Self.maximumWeight(destinations) - (step - 1)
        currentWeight = maximumWeight
    }

    public mutating func pick(from destinations: DestinationTable, for request: SchedulingRequest) -> Int? {
        let list = destinations.list
        // Positions in `list`; -1 stands for the list head.
        var position = cursor.flatMap { list.firstIndex(of: $0) } ?? -1
        guard maximumWeight != 0 else { return nil }
        let last = position
        var stop: Int?
        var lastPass = false
        var restarted = false
        while true {
            position += 1
            while position < list.count {
                let index = list[position]
                if !destinations.overloaded[index], destinations.weight[index] >= currentWeight {
                    cursor = index
                    return index
                }
                if position == stop {
                    cursor = index
                    return nil
                }
                position += 1
            }
            position = -1
            currentWeight -= step
            if currentWeight <= 0 {
                currentWeight = maximumWeight
                if lastPass || last == -1 {
                    cursor = nil
                    return nil
                }
                restarted = true
            }
            lastPass = currentWeight <= step
            if lastPass, restarted, last != -1 { stop = last }
        }
    }

    /// `ip_vs_wrr_dest_changed`: back to the head; `cw` is kept when still valid, rounded to
    /// the new step otherwise.
    public mutating func destinationsChanged(_ destinations: DestinationTable, removed: Int?) {
        cursor = nil
        step = Self.gcdOfWeights(destinations)
        maximumWeight = Self.maximumWeight(destinations) - (step - 1)
        if currentWeight > maximumWeight || currentWeight == 0 {
            currentWeight = maximumWeight
        } else if step > 1 {
            currentWeight = currentWeight / step * step + 1
        }
    }

    /// `ip_vs_wrr_gcd_weight`: gcd of the positive weights in the list, 1 when there are none.
    static func gcdOfWeights(_ destinations: DestinationTable) -> Int {
        var g = 0
        for index in destinations.list where destinations.weight[index] > 0 {
            g = g > 0 ? gcd(destinations.weight[index], g) : destinations.weight[index]
        }
        return g > 0 ? g : 1
    }

    /// `ip_vs_wrr_max_weight`.
    static func maximumWeight(_ destinations: DestinationTable) -> Int {
        destinations.list.map { destinations.weight[$0] }.max().map { max($0, 0) } ?? 0
    }
}

/// Euclid's algorithm (lib/math/gcd.c computes the same value).
func gcd(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return x
}

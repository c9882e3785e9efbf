/// Power of two choices (`ip_vs_twos.c`): two weighted random picks, keep the one with the
/// lower overhead relative to its weight (`w2 * oh1 > w1 * oh2` prefers the second).
///
/// The kernel draws with `get_random_u32()`; here a `SeededGenerator` stands in, so a
/// replay is repeatable but will not match the kernel's picks.
public struct TwoChoicesScheduler: Scheduler {
    public private(set) var generator: SeededGenerator

    public init(generator: SeededGenerator) {
        self.generator = generator
    }

    public mutating func pick(from destinations: DestinationTable, for request: SchedulingRequest) -> Int? {
        var total = 0
        var anyUsable = false
        for index in destinations.list where destinations.isUsable(index) {
            total += destinations.weight[index]
            anyUsable = true
        }
        guard anyUsable else { return nil }
        // The random weights are taken modulo total + 1, so both ends are inclusive.
        total += 1
        var remaining1 = Int(generator.nextUInt32() % UInt32(total))
        var remaining2 = Int(generator.nextUInt32() % UInt32(total))
        var choice1: (index: Int, weight: Int, overhead: Int)?
        var choice2: (index: Int, weight: Int, overhead: Int)?
        for index in destinations.list where destinations.isUsable(index) {
            let weight = destinations.weight[index]
            remaining1 -= weight
            remaining2 -= weight
            if remaining1 <= 0, choice1 == nil { choice1 = (index, weight, destinations.overhead(index)) }
            if remaining2 <= 0, choice2 == nil { choice2 = (index, weight, destinations.overhead(index)) }
            if choice1 != nil, choice2 != nil { break }
        }
        guard let first = choice1 else { return nil }
        if let second = choice2, second.weight * first.overhead > first.weight * second.overhead {
            return second.index
        }
        return first.index
    }
}

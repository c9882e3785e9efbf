/// A deterministic random source for the schedulers that draw random numbers (`twos` uses
/// the kernel's `get_random_u32`): SplitMix64 (Steele, Lea and Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014). Injected with a seed so a replay is
/// repeatable; the kernel's choices are not, so a replay must accept any usable destination.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `get_random_u32()` / `prandom_u32()`.
    public mutating func nextUInt32() -> UInt32 { UInt32(truncatingIfNeeded: next() >> 32) }
}

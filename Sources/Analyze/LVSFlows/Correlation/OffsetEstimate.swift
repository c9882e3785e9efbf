/// Each input's clock offset to the reference (nanoseconds, `nil` when unknown), with the
/// report of how it was obtained.
struct OffsetEstimate {
    var offsets: [Int64?]
    var report: [ClockOffset]

    /// `time` taken at `input`, on the reference clock.
    func corrected(_ time: Int64, input: Int) -> Int64 {
        guard offsets.indices.contains(input), let offset = offsets[input] else { return time }
        return time.clampedSubtracting(offset)
    }
}

/// Clock offsets are differences of capture times, and chaining or applying them can
/// leave the Int64 range when a capture's clock is decades off: such sums clamp rather
/// than trap (capture times themselves stay within `Timestamp.capturedRange`). The flow
/// tracker's sweep and idle checks use them too, for times fed from elsewhere.
extension Int64 {
    func clampedAdding(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    func clampedSubtracting(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other < 0 ? .max : .min) : difference
    }

    /// The mean of two values rounded down, without overflow.
    static func midpoint(_ a: Int64, _ b: Int64) -> Int64 { (a & b) + ((a ^ b) >> 1) }
}

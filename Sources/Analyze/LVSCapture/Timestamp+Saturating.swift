import LVSWire

extension Timestamp {
    /// Seconds and nanoseconds as a timestamp, clamped to the Int64 nanosecond range
    /// (years 1677 to 2262) instead of wrapping: a fuzzed timestamp stays far away
    /// rather than landing somewhere plausible.
    static func saturating(seconds: Int64, nanoseconds: Int64) -> Timestamp {
        let (scaled, overflowA) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (sum, overflowB) = scaled.addingReportingOverflow(nanoseconds)
        guard !overflowA, !overflowB else { return Timestamp(rawValue: seconds < 0 ? .min : .max) }
        return Timestamp(rawValue: sum)
    }

    /// An unsigned pcapng second count plus a signed `if_tsoffset`, clamped likewise.
    static func saturating(seconds: UInt64, offsetSeconds: Int64, nanoseconds: UInt64) -> Timestamp {
        let (shifted, overflow) = Int64(clamping: seconds).addingReportingOverflow(offsetSeconds)
        guard !overflow else { return Timestamp(rawValue: offsetSeconds < 0 ? .min : .max) }
        return saturating(seconds: shifted, nanoseconds: Int64(nanoseconds))
    }
}

import LVSWire

extension Timestamp {
    /// The capture times lvscope accepts: ±2⁶² ns around 1970, the years 1823 to 2116, in
    /// which the difference of any two times is exact in 64 bits (flow durations, idle
    /// timeouts, clock offsets between points). A pcap file cannot leave it (its unsigned
    /// 32-bit seconds end in 2106); a pcapng file leaves it only when its clock, time
    /// resolution (`if_tsresol`) or offset (`if_tsoffset`) is broken.
    public static let capturedRange: ClosedRange<Int64> = -(1 << 62)...((1 << 62) - 1)

    /// Seconds and nanoseconds as a timestamp, or nil outside `capturedRange`.
    static func captured(seconds: Int64, nanoseconds: Int64) -> Timestamp? {
        let (scaled, overflowA) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (sum, overflowB) = scaled.addingReportingOverflow(nanoseconds)
        guard !overflowA, !overflowB, capturedRange.contains(sum) else { return nil }
        return Timestamp(rawValue: sum)
    }

    /// An unsigned pcapng second count plus a signed `if_tsoffset`, or nil likewise.
    static func captured(seconds: UInt64, offsetSeconds: Int64, nanoseconds: UInt64) -> Timestamp? {
        guard seconds <= UInt64(Int64.max) else { return nil }
        let (shifted, overflow) = Int64(seconds).addingReportingOverflow(offsetSeconds)
        guard !overflow else { return nil }
        return captured(seconds: shifted, nanoseconds: Int64(nanoseconds))
    }

    /// As `captured`, clamped to the range instead: for the kernel's own receive times.
    static func saturating(seconds: Int64, nanoseconds: Int64) -> Timestamp {
        captured(seconds: seconds, nanoseconds: nanoseconds)
            ?? Timestamp(rawValue: seconds < 0 ? capturedRange.lowerBound : capturedRange.upperBound)
    }
}

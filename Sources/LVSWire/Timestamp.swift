/// A capture timestamp: nanoseconds since the Unix epoch, as the packet carried it.
///
/// Time in lvscope comes only from packets; nothing reads the wall clock.
public struct Timestamp: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: Int64
    @inlinable public init(rawValue: Int64) { self.rawValue = rawValue }

    @inlinable public init(seconds: Int64, nanoseconds: Int64) {
        rawValue = seconds &* 1_000_000_000 &+ nanoseconds
    }

    @inlinable public var seconds: Int64 {
        rawValue >= 0 ? rawValue / 1_000_000_000 : (rawValue - 999_999_999) / 1_000_000_000
    }

    @inlinable public var nanoseconds: Int64 { rawValue - seconds * 1_000_000_000 }

    /// Seconds as a floating value (for offsets and durations in reports).
    @inlinable public var secondsValue: Double { Double(rawValue) / 1e9 }

    @inlinable public func adding(nanoseconds delta: Int64) -> Timestamp { Timestamp(rawValue: rawValue &+ delta) }

    /// RFC 3339 UTC with nine fractional digits: `2026-01-01T00:00:00.000000000Z`.
    public var description: String {
        let (year, month, day) = Timestamp.civilDate(daysSinceEpoch: floorDiv(seconds, 86_400))
        let secondOfDay = seconds - floorDiv(seconds, 86_400) * 86_400
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let fraction = String(nanoseconds).leftPadded(to: 9)
        return "\(String(year).leftPadded(to: 4))-\(two(month))-\(two(day))T"
            + "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)).\(fraction)Z"
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Howard Hinnant's days-from-civil inverse (proleptic Gregorian calendar).
    private static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
        let z = daysSinceEpoch + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    a >= 0 ? a / b : (a - b + 1) / b
}

/// A TCP sequence number: arithmetic modulo 2^32 and RFC 1982-style ordering
/// (RFC 9293 §3.4), so that comparisons stay right across the wrap.
///
/// `a < b` when `b` is less than 2^31 ahead of `a`. That order is only consistent for
/// numbers within half the space of each other, which is what TCP guarantees for a
/// live window; do not sort arbitrary sequence numbers with it.
public struct SequenceNumber: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }
    @inlinable public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    /// `lhs` advanced by `rhs`, wrapping.
    @inlinable
    public static func + (lhs: SequenceNumber, rhs: UInt32) -> SequenceNumber {
        SequenceNumber(rawValue: lhs.rawValue &+ rhs)
    }

    /// `lhs` moved back by `rhs`, wrapping.
    @inlinable
    public static func - (lhs: SequenceNumber, rhs: UInt32) -> SequenceNumber {
        SequenceNumber(rawValue: lhs.rawValue &- rhs)
    }

    /// The modulo-2^32 delta that takes `rhs` to `lhs` (`rhs + (lhs - rhs) == lhs`),
    /// as FULL-NAT keeps between the client's and the director's initial sequence numbers.
    @inlinable
    public static func - (lhs: SequenceNumber, rhs: SequenceNumber) -> UInt32 {
        lhs.rawValue &- rhs.rawValue
    }

    @inlinable
    public static func += (lhs: inout SequenceNumber, rhs: UInt32) { lhs = lhs + rhs }

    @inlinable
    public static func -= (lhs: inout SequenceNumber, rhs: UInt32) { lhs = lhs - rhs }

    /// The signed distance from `other` to `self`: positive when `self` is after `other`.
    @inlinable
    public func distance(from other: SequenceNumber) -> Int32 {
        Int32(bitPattern: rawValue &- other.rawValue)
    }

    @inlinable
    public static func < (lhs: SequenceNumber, rhs: SequenceNumber) -> Bool {
        rhs.distance(from: lhs) > 0
    }

    public var description: String { String(rawValue) }
}

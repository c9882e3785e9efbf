/// A flow's reproducible id: `C` + base32 of FNV-1a 64 over the capture point's name, the
/// flow key and the first packet's timestamp. Unlike Zeek's random uids it is the same in
/// every run, so reports do not churn (STYLE.md §8 "Determinism").
public struct FlowUID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt64

    public init(rawValue: UInt64) { self.rawValue = rawValue }

    public var description: String { "C" + Base32.encode(rawValue) }

    /// By the 64-bit value (a stable order, not the text's).
    public static func < (lhs: FlowUID, rhs: FlowUID) -> Bool { lhs.rawValue < rhs.rawValue }
}

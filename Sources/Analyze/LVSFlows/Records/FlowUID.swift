/// A flow's reproducible id: `C` + base32 of FNV-1a 64 over the capture point's name, the
/// flow key and the first packet's timestamp. Unlike Zeek's random uids it is the same in
/// every run, so reports do not churn (STYLE.md §8 "Determinism").
public struct FlowUID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt64

    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Length of the text: `C` and 13 base32 characters.
    public static let textLength = 1 + Base32.length

    public var description: String {
        String(unsafeUninitializedCapacity: Self.textLength) { write(into: UnsafeMutableRawBufferPointer($0)) }
    }

    /// Writes the text at the start of `buffer`, which has room for `textLength` bytes, and
    /// returns how many it wrote (`textLength`): for output written as bytes.
    public func write(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        precondition(buffer.count >= Self.textLength, "FlowUID: no room for the text")
        buffer[0] = UInt8(ascii: "C")
        return 1 + Base32.encode(rawValue, into: UnsafeMutableRawBufferPointer(rebasing: buffer[1...]))
    }

    /// By the 64-bit value (a stable order, not the text's).
    public static func < (lhs: FlowUID, rhs: FlowUID) -> Bool { lhs.rawValue < rhs.rawValue }
}

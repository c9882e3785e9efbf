import LVSWire
import Testing

/// Byte-array helpers for the wire tests.
extension Array where Element == UInt8 {
    /// Parses hex text; whitespace is ignored. Test data only: traps on bad input.
    init(hex: String) {
        let digits = hex.filter { !$0.isWhitespace }
        precondition(digits.count % 2 == 0, "odd hex length")
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            guard let byte = UInt8(digits[index..<next], radix: 16) else { preconditionFailure("bad hex") }
            bytes.append(byte)
            index = next
        }
        self = bytes
    }

    /// The bytes from `offset` on, as a new array.
    func dropping(_ offset: Int) -> [UInt8] { Array(self[offset...]) }

    /// A copy with the byte at `offset` XORed with `mask`.
    func flipping(_ offset: Int, mask: UInt8 = 0x01) -> [UInt8] {
        var copy = self
        copy[offset] ^= mask
        return copy
    }
}

/// Emits a header into a zeroed buffer of `count` bytes and returns the bytes.
func emitted(count: Int, _ body: (UnsafeMutableRawBufferPointer) -> Void) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    bytes.withUnsafeMutableBytes { body($0) }
    return bytes
}

/// SplitMix64: a small seeded generator so random tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Expects building a view over `bytes` to throw exactly `expected`.
func expectWireError<V>(_ expected: WireError, _ bytes: [UInt8],
                        sourceLocation: SourceLocation = #_sourceLocation,
                        _ make: (UnsafeRawBufferPointer) throws -> V) {
    bytes.withUnsafeBytes { raw in
        _ = #expect(throws: expected, sourceLocation: sourceLocation) { _ = try make(raw) }
    }
}

/// Expects each prefix of `bytes` whose length is in `lengths` to be rejected as
/// truncated, needing `needed` bytes.
func expectTruncated<V>(_ layer: Layer, needed: Int, lengths: Range<Int>, of bytes: [UInt8],
                        sourceLocation: SourceLocation = #_sourceLocation,
                        _ make: (UnsafeRawBufferPointer) throws -> V) {
    for length in lengths {
        let expected = WireError(layer, at: 0, .truncated(needed: needed, available: length))
        expectWireError(expected, Array(bytes.prefix(length)), sourceLocation: sourceLocation, make)
    }
}

/// FNV-1a, 64-bit (Fowler–Noll–Vo, draft-eastlake-fnv): a stable, seedless hash for ids
/// that must be the same in every run and on every machine.
struct FNV1a {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* FNV1a.prime
    }

    /// Adds the bytes of `word`, least significant first.
    mutating func add<T: FixedWidthInteger>(_ word: T) {
        var w = word
        for _ in 0..<MemoryLayout<T>.size {
            add(UInt8(truncatingIfNeeded: w))
            w >>= 8
        }
    }

    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
        add(UInt8(0))
    }
}

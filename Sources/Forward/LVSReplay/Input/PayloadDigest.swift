/// A 64-bit FNV-1a digest of bytes: the identity of a payload that LVS never rewrites.
/// Deterministic across runs (unlike `Hasher`), cheap, and only compared for equality.
enum PayloadDigest {
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    static func of(_ bytes: UnsafeRawBufferPointer, continuing seed: UInt64 = offsetBasis) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* prime
        }
        return hash
    }
}

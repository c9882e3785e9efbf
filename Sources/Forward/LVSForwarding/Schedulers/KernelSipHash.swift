/// SipHash with the round counts as parameters (Aumasson and Bernstein, "SipHash: a fast
/// short-input PRF", 2012), as lib/siphash.c computes it.
///
/// The kernel's `hsiphash` on 64-bit machines is SipHash-1-3 with a 128-bit key, truncated
/// to 32 bits (lib/siphash.c: "on 64-bit, we make HalfSipHash1-3 actually be SipHash1-3").
/// `ip_vs_mh.c` feeds it the four bytes of a `u32` in CPU order; on the little-endian
/// machines IPVS runs on that is the value's little-endian encoding, which is what
/// `hsiphash(_:)` hashes. The general form exists so the round function can be checked
/// against the SipHash-2-4 reference vectors.
struct KernelSipHash: Sendable {
    var key0: UInt64
    var key1: UInt64
    var compressionRounds: Int
    var finalizationRounds: Int

    /// The `hsiphash_key_t` on 64-bit kernels, with both words set to `word` (ip_vs_mh.c
    /// `generate_hash_secret` uses 2654435761 for hash1 and 2654446892 for hash2).
    static func hsiphash(keyWord word: UInt64) -> KernelSipHash {
        KernelSipHash(key0: word, key1: word, compressionRounds: 1, finalizationRounds: 3)
    }

    /// The 64-bit SipHash of `bytes`.
    func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// The 64-bit SipHash of `bytes`.
    func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var state = State(key0: key0, key1: key1)
        let whole = bytes.count / 8 * 8
        var offset = 0
        while offset < whole {
            var word: UInt64 = 0
            for i in 0..<8 { word |= UInt64(bytes[offset + i]) << UInt64(8 * i) }
            state.compress(word, rounds: compressionRounds)
            offset += 8
        }
        var last = UInt64(truncatingIfNeeded: bytes.count) << 56
        for i in 0..<(bytes.count - whole) { last |= UInt64(bytes[whole + i]) << UInt64(8 * i) }
        state.compress(last, rounds: compressionRounds)
        return state.finalize(rounds: finalizationRounds)
    }

    /// `hsiphash(&v, sizeof(v), key)` for a 32-bit `v`: one final block holding the length
    /// and the four bytes, result truncated to `u32`.
    func hsiphash(_ value: UInt32) -> UInt32 {
        var state = State(key0: key0, key1: key1)
        state.compress(UInt64(4) << 56 | UInt64(value), rounds: compressionRounds)
        return UInt32(truncatingIfNeeded: state.finalize(rounds: finalizationRounds))
    }

    private struct State {
        var v0: UInt64 = 0x736F_6D65_7073_6575
        var v1: UInt64 = 0x646F_7261_6E64_6F6D
        var v2: UInt64 = 0x6C79_6765_6E65_7261
        var v3: UInt64 = 0x7465_6462_7974_6573

        init(key0: UInt64, key1: UInt64) {
            v0 ^= key0
            v1 ^= key1
            v2 ^= key0
            v3 ^= key1
        }

        mutating func round() {
            v0 &+= v1; v1 = v1.rotated(13); v1 ^= v0; v0 = v0.rotated(32)
            v2 &+= v3; v3 = v3.rotated(16); v3 ^= v2
            v0 &+= v3; v3 = v3.rotated(21); v3 ^= v0
            v2 &+= v1; v1 = v1.rotated(17); v1 ^= v2; v2 = v2.rotated(32)
        }

        mutating func compress(_ word: UInt64, rounds: Int) {
            v3 ^= word
            for _ in 0..<rounds { round() }
            v0 ^= word
        }

        mutating func finalize(rounds: Int) -> UInt64 {
            v2 ^= 0xFF
            for _ in 0..<rounds { round() }
            return v0 ^ v1 ^ v2 ^ v3
        }
    }
}

extension UInt64 {
    fileprivate func rotated(_ bits: UInt64) -> UInt64 { self << bits | self >> (64 - bits) }
}

/// RFC 4648 §6 base32 (alphabet A–Z, 2–7) of a 64-bit value, most significant bits
/// first, without padding: 13 characters.
enum Base32 {
    static func encode(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 13) { buffer in
            // 65 bits (13 × 5) with a leading zero bit.
            for i in 0..<13 {
                let digit = UInt8(truncatingIfNeeded: value >> UInt64(60 - 5 * i)) & 31
                buffer[i] = digit < 26 ? UInt8(ascii: "A") + digit : UInt8(ascii: "2") + digit - 26
            }
            return 13
        }
    }
}

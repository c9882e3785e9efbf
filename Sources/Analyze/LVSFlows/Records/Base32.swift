/// RFC 4648 §6 base32 (alphabet A–Z, 2–7) of a 64-bit value, most significant bits
/// first, without padding: 13 characters.
enum Base32 {
    /// Characters in the text of one value: 65 bits (13 × 5) with a leading zero bit.
    static let length = 13

    /// The 32 symbols; a literal, so reading it needs no lazy initialisation.
    private static var alphabet: StaticString { "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" }

    static func encode(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: length) { encode(value, into: UnsafeMutableRawBufferPointer($0)) }
    }

    /// Writes the 13 characters at the start of `buffer`; returns how many (13).
    static func encode(_ value: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        precondition(buffer.count >= length, "Base32: no room for 13 characters")
        for i in 0..<length {
            buffer[i] = alphabet.utf8Start[Int(truncatingIfNeeded: value >> UInt64(60 - 5 * i)) & 31]
        }
        return length
    }
}

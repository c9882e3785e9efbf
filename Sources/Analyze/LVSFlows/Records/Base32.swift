/// RFC 4648 §6 base32 (alphabet A–Z, 2–7) of a 64-bit value, most significant bits
/// first, without padding: 13 characters.
enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func encode(_ value: UInt64) -> String {
        var text = ""
        text.unicodeScalars.reserveCapacity(13)
        // 65 bits (13 × 5) with a leading zero bit.
        for i in stride(from: 60, through: 0, by: -5) {
            let digit = Int(truncatingIfNeeded: value >> UInt64(i)) & 31
            text.unicodeScalars.append(Unicode.Scalar(alphabet[digit]))
        }
        return text
    }
}

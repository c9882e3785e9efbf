/// RFC 4648 §4 base64 with padding (for the Community ID), without Foundation.
enum Base64 {
    /// The 64 symbols; a literal, so reading it needs no lazy initialisation.
    private static var alphabet: StaticString {
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    }

    @inline(__always)
    private static func symbol(_ value: UInt32) -> UInt8 {
        alphabet.utf8Start[Int(value & 63)]
    }

    /// Characters in the encoding of `count` bytes: 4 per group of 3, the last padded.
    static func length(of count: Int) -> Int { (count + 2) / 3 * 4 }

    /// Writes the encoding of `input` at the start of `out`, which has room for
    /// `length(of: input.count)`; returns how many characters it wrote.
    static func encode(_ input: UnsafeRawBufferPointer, into out: UnsafeMutableRawBufferPointer) -> Int {
        precondition(out.count >= length(of: input.count), "Base64: no room for the encoding")
        var n = 0
        var i = 0
        while i < input.count {
            let remaining = input.count - i
            let b0 = UInt32(input[i])
            let b1 = remaining > 1 ? UInt32(input[i + 1]) : 0
            let b2 = remaining > 2 ? UInt32(input[i + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            out[n] = symbol(group >> 18)
            out[n + 1] = symbol(group >> 12)
            out[n + 2] = remaining > 1 ? symbol(group >> 6) : UInt8(ascii: "=")
            out[n + 3] = remaining > 2 ? symbol(group) : UInt8(ascii: "=")
            n += 4
            i += 3
        }
        return n
    }
}

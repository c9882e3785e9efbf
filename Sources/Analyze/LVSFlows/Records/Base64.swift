/// RFC 4648 §4 base64 with padding (for the Community ID), without Foundation.
enum Base64 {
    @inline(__always)
    private static func symbol(_ value: UInt32) -> UInt8 {
        let v = UInt8(truncatingIfNeeded: value & 63)
        switch v {
        case 0..<26: return UInt8(ascii: "A") + v
        case 26..<52: return UInt8(ascii: "a") + v - 26
        case 52..<62: return UInt8(ascii: "0") + v - 52
        case 62: return UInt8(ascii: "+")
        default: return UInt8(ascii: "/")
        }
    }

    static func encode(_ input: UnsafeRawBufferPointer) -> String {
        let length = (input.count + 2) / 3 * 4
        return String(unsafeUninitializedCapacity: length) { out in
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
}

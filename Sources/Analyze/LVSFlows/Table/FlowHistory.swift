/// Zeek's connection `history` string, kept inline: up to 15 letters in two words, the
/// count in the top byte. Letters past the fifteenth are dropped (`isFull` then says so)
/// so that a flow never allocates.
struct FlowHistory: Equatable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    static let capacity = 15

    var count: Int { Int(high >> 56) }
    var isFull: Bool { count >= FlowHistory.capacity }

    mutating func append(_ letter: UInt8) {
        let n = count
        guard n < FlowHistory.capacity else { return }
        if n < 8 {
            low |= UInt64(letter) << (8 * UInt64(n))
        } else {
            high |= UInt64(letter) << (8 * UInt64(n - 8))
        }
        high = high & 0x00FF_FFFF_FFFF_FFFF | UInt64(n + 1) << 56
    }

    func letter(at index: Int) -> UInt8 {
        index < 8 ? UInt8(truncatingIfNeeded: low >> (8 * UInt64(index)))
            : UInt8(truncatingIfNeeded: high >> (8 * UInt64(index - 8)))
    }

    /// The letters with upper and lower case exchanged: the roles were flipped.
    func swappingCase() -> FlowHistory {
        var swapped = FlowHistory()
        for i in 0..<count {
            let c = letter(at: i)
            let isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
            swapped.append(isLetter ? c ^ 0x20 : c)
        }
        return swapped
    }

    /// The letters as text: ASCII bytes written straight into a (small, inline) string.
    var string: String {
        String(unsafeUninitializedCapacity: count) { buffer in
            for i in 0..<count { buffer[i] = letter(at: i) }
            return count
        }
    }
}

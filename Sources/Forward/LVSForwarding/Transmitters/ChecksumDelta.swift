import LVSWire

/// Collects the 16-bit words an edit replaces, to update a transport checksum the way
/// IPVS does (`ip_vs_check_diff4/16/2` then `csum_fold`): RFC 1624 eqn. 3 over all changed
/// words at once, `HC' = ~(~HC + Σ~m + Σm')`. Summing the complements of n words is
/// `n·0xFFFF − Σm` in integers, so only the two sums and the count are kept.
struct ChecksumDelta {
    private var words = 0
    private var oldSum: UInt64 = 0
    private var newSum: UInt64 = 0

    var isEmpty: Bool { words == 0 }

    mutating func replace(_ old: UInt16, with new: UInt16) {
        words += 1
        oldSum &+= UInt64(old)
        newSum &+= UInt64(new)
    }

    mutating func replace(_ old: UInt32, with new: UInt32) {
        replace(UInt16(old >> 16), with: UInt16(new >> 16))
        replace(UInt16(truncatingIfNeeded: old), with: UInt16(truncatingIfNeeded: new))
    }

    mutating func replace(_ old: IPAddress, with new: IPAddress) {
        switch (old, new) {
        case let (.v4(a), .v4(b)):
            replace(a.rawValue, with: b.rawValue)
        case let (.v6(a), .v6(b)):
            replace(half: a.high, with: b.high)
            replace(half: a.low, with: b.low)
        default:
            preconditionFailure("address families differ")
        }
    }

    private mutating func replace(half old: UInt64, with new: UInt64) {
        replace(UInt32(old >> 32), with: UInt32(new >> 32))
        replace(UInt32(truncatingIfNeeded: old), with: UInt32(truncatingIfNeeded: new))
    }

    /// Records the words of `bytes[range]` before an edit (`range` starts at an even offset
    /// from the start of the checksummed data).
    mutating func recordOld(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        var offset = range.lowerBound
        while offset < range.upperBound {
            words += 1
            oldSum &+= UInt64(word(bytes, offset, range.upperBound))
            offset += 2
        }
    }

    /// Records the same words after the edit.
    mutating func recordNew(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        var offset = range.lowerBound
        while offset < range.upperBound {
            newSum &+= UInt64(word(bytes, offset, range.upperBound))
            offset += 2
        }
    }

    private func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int, _ end: Int) -> UInt16 {
        offset + 1 < end ? bytes.u16(at: offset) : UInt16(bytes.u8(at: offset)) << 8
    }

    /// The updated checksum.
    func apply(to checksum: UInt16) -> UInt16 {
        let complemented = UInt64(words) * 0xFFFF - oldSum
        var sum = UInt64(~checksum) &+ complemented &+ newSum
        while sum > 0xFFFF { sum = (sum & 0xFFFF) &+ (sum >> 16) }
        return ~UInt16(sum)
    }
}

/// An IPv6 address (RFC 8200) as two 64-bit halves in host order.
///
/// Text form follows RFC 5952: lower-case hex, leading zeros dropped, the longest run of
/// two or more zero groups (the first when tied) shortened to `::`, and IPv4-mapped
/// addresses written with a dotted-quad tail.
public struct IPv6Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    @inlinable
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Reads sixteen bytes at `offset` (network order).
    @inlinable
    public init(reading bytes: UnsafeRawBufferPointer, at offset: Int) {
        high = bytes.u64(at: offset)
        low = bytes.u64(at: offset + 8)
    }

    public init(groups: [UInt16]) {
        precondition(groups.count == 8, "an IPv6 address has eight groups")
        var h: UInt64 = 0
        var l: UInt64 = 0
        for i in 0..<4 { h = h << 16 | UInt64(groups[i]) }
        for i in 4..<8 { l = l << 16 | UInt64(groups[i]) }
        high = h
        low = l
    }

    /// Parses RFC 4291 §2.2 text: full, `::`-compressed, or with an IPv4 tail.
    public init?(_ text: some StringProtocol) {
        guard let groups = IPv6Address.parseGroups(String(text)) else { return nil }
        self.init(groups: groups)
    }

    public func write(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        buffer.setU64(high, at: offset)
        buffer.setU64(low, at: offset + 8)
    }

    public var groups: [UInt16] {
        (0..<8).map { i in
            let word = i < 4 ? high : low
            return UInt16(truncatingIfNeeded: word >> UInt64(48 - 16 * (i % 4)))
        }
    }

    public var isMulticast: Bool { high >> 56 == 0xFF }
    public var isLinkLocal: Bool { high >> 54 == 0x3FA }
    public var isUnspecified: Bool { high == 0 && low == 0 }

    /// True when both addresses share the first `prefixLength` bits.
    public func isInSameNetwork(as other: IPv6Address, prefixLength: Int) -> Bool {
        func mask(_ bits: Int) -> UInt64 { bits <= 0 ? 0 : bits >= 64 ? .max : ~(UInt64.max >> UInt64(bits)) }
        let highMask = mask(prefixLength)
        let lowMask = mask(prefixLength - 64)
        return high & highMask == other.high & highMask && low & lowMask == other.low & lowMask
    }

    public static func < (lhs: IPv6Address, rhs: IPv6Address) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    public var description: String {
        let g = groups
        // RFC 5952 §5: ::ffff:a.b.c.d for IPv4-mapped addresses.
        if high == 0, low >> 32 == 0xFFFF {
            return "::ffff:" + IPv4Address(rawValue: UInt32(truncatingIfNeeded: low)).description
        }
        var bestStart = -1
        var bestLength = 0
        var index = 0
        while index < 8 {
            if g[index] == 0 {
                var end = index
                while end < 8, g[end] == 0 { end += 1 }
                if end - index > bestLength { bestStart = index; bestLength = end - index }
                index = end
            } else {
                index += 1
            }
        }
        func hex(_ range: Range<Int>) -> String {
            range.map { String(g[$0], radix: 16) }.joined(separator: ":")
        }
        guard bestLength >= 2 else { return hex(0..<8) }
        return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
    }

    private static func parseGroups(_ text: String) -> [UInt16]? {
        guard !text.isEmpty, text.count <= 45 else { return nil }
        let halves = text.components(separatedByDoubleColon: ())
        guard halves.count <= 2 else { return nil }
        func parse(_ part: Substring, allowIPv4Tail: Bool) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            let fields = part.split(separator: ":", omittingEmptySubsequences: false)
            for (i, field) in fields.enumerated() {
                if allowIPv4Tail, i == fields.count - 1, field.contains(".") {
                    guard let v4 = IPv4Address(field) else { return nil }
                    result.append(UInt16(v4.rawValue >> 16))
                    result.append(UInt16(truncatingIfNeeded: v4.rawValue))
                    continue
                }
                // `UInt16(_:radix:)` alone would also take a sign ("+1", "-0").
                guard (1...4).contains(field.count), field.allSatisfy(\.isASCIIHexDigit),
                      let value = UInt16(field, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        if halves.count == 1 {
            guard let all = parse(halves[0], allowIPv4Tail: true), all.count == 8 else { return nil }
            return all
        }
        guard let head = parse(halves[0], allowIPv4Tail: false),
              let tail = parse(halves[1], allowIPv4Tail: true),
              head.count + tail.count <= 7 else { return nil }
        return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    }
}

extension Character {
    /// 0-9, a-f, A-F only (`isHexDigit` also accepts fullwidth forms).
    package var isASCIIHexDigit: Bool { isASCII && isHexDigit }
}

extension String {
    /// Splits at the first `::` only; a second `::` leaves three parts (invalid).
    fileprivate func components(separatedByDoubleColon _: Void) -> [Substring] {
        var parts: [Substring] = []
        var start = startIndex
        var index = startIndex
        while index < endIndex {
            let next = self.index(after: index)
            if self[index] == ":", next < endIndex, self[next] == ":" {
                parts.append(self[start..<index])
                start = self.index(after: next)
                index = start
                continue
            }
            index = next
        }
        parts.append(self[start..<endIndex])
        return parts
    }
}

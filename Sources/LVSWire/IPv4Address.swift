/// An IPv4 address (RFC 791), stored in host order so it compares and masks as a number.
public struct IPv4Address: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32

    @inlinable
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    @inlinable
    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        rawValue = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }

    /// Reads four bytes at `offset` (network order).
    @inlinable
    public init(reading bytes: UnsafeRawBufferPointer, at offset: Int) {
        rawValue = bytes.u32(at: offset)
    }

    /// Parses dotted-quad text (`192.0.2.1`); no leading zeros, no shorthand forms.
    public init?(_ text: some StringProtocol) {
        var value: UInt32 = 0
        var parts = 0
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard parts < 4, !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  part.count == 1 || part.first != "0", let octet = UInt8(part) else { return nil }
            value = value << 8 | UInt32(octet)
            parts += 1
        }
        guard parts == 4 else { return nil }
        rawValue = value
    }

    public func write(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        buffer.setU32(rawValue, at: offset)
    }

    /// The four octets, most significant first.
    public var octets: (UInt8, UInt8, UInt8, UInt8) {
        (UInt8(rawValue >> 24), UInt8(truncatingIfNeeded: rawValue >> 16),
         UInt8(truncatingIfNeeded: rawValue >> 8), UInt8(truncatingIfNeeded: rawValue))
    }

    /// True when both addresses share the first `prefixLength` bits.
    public func isInSameNetwork(as other: IPv4Address, prefixLength: Int) -> Bool {
        guard prefixLength > 0 else { return true }
        let mask: UInt32 = prefixLength >= 32 ? .max : ~(UInt32.max >> UInt32(prefixLength))
        return rawValue & mask == other.rawValue & mask
    }

    public var isMulticast: Bool { rawValue >> 28 == 0xE }
    public var isBroadcast: Bool { rawValue == .max }
    public var isUnspecified: Bool { rawValue == 0 }
    public var isLoopback: Bool { rawValue >> 24 == 127 }

    public var description: String {
        let o = octets
        return "\(o.0).\(o.1).\(o.2).\(o.3)"
    }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.rawValue < rhs.rawValue }
}

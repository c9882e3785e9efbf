/// A 48-bit IEEE 802 MAC address, stored in the low bits of a `UInt64`.
public struct MACAddress: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt64

    @inlinable
    public init(rawValue: UInt64) { self.rawValue = rawValue & 0xFFFF_FFFF_FFFF }

    /// Reads six bytes at `offset`.
    @inlinable
    public init(reading bytes: UnsafeRawBufferPointer, at offset: Int) {
        rawValue = UInt64(bytes.u32(at: offset)) << 16 | UInt64(bytes.u16(at: offset + 4))
    }

    /// Parses `02:00:00:00:00:11` (also with `-` separators, either case).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "-" })
        guard parts.count == 6 else { return nil }
        var value: UInt64 = 0
        for part in parts {
            guard part.count == 2, part.allSatisfy(\.isASCIIHexDigit), let byte = UInt8(part, radix: 16) else {
                return nil
            }
            value = value << 8 | UInt64(byte)
        }
        rawValue = value
    }

    public static let broadcast = MACAddress(rawValue: 0xFFFF_FFFF_FFFF)
    public static let zero = MACAddress(rawValue: 0)

    public func write(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        buffer.setU32(UInt32(truncatingIfNeeded: rawValue >> 16), at: offset)
        buffer.setU16(UInt16(truncatingIfNeeded: rawValue), at: offset + 4)
    }

    /// Group bit (I/G) of the first octet: multicast and broadcast.
    public var isMulticast: Bool { rawValue & 0x0100_0000_0000 != 0 }

    public var description: String {
        let hex: [Character] = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(17)
        for i in stride(from: 40, through: 0, by: -8) {
            let byte = Int((rawValue >> UInt64(i)) & 0xFF)
            if i != 40 { text.append(":") }
            text.append(hex[byte >> 4])
            text.append(hex[byte & 0xF])
        }
        return text
    }

    public static func < (lhs: MACAddress, rhs: MACAddress) -> Bool { lhs.rawValue < rhs.rawValue }
}

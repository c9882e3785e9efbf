/// Builds pcapng bytes block by block for edge cases no real capture in the corpus has
/// (draft-ietf-opsawg-pcapng): big-endian sections, `if_tsresol` powers of two,
/// `if_tsoffset`, Simple and obsolete Packet Blocks, several sections, unknown blocks.
///
/// Every block is laid out as: block type (4), block total length (4), body padded to
/// 32 bits, block total length again (4). Integers are written in the byte order of the
/// section being built.
public struct PcapngBuilder {
    public var bytes: [UInt8] = []
    /// Byte order of the current section (set by `sectionHeader`).
    public var littleEndian = true

    public init() {}

    // MARK: integers in the section's byte order

    public static func u16(_ value: UInt16, _ littleEndian: Bool) -> [UInt8] {
        let v = littleEndian ? value.littleEndian : value.bigEndian
        return withUnsafeBytes(of: v, Array.init)
    }

    public static func u32(_ value: UInt32, _ littleEndian: Bool) -> [UInt8] {
        let v = littleEndian ? value.littleEndian : value.bigEndian
        return withUnsafeBytes(of: v, Array.init)
    }

    public static func u64(_ value: UInt64, _ littleEndian: Bool) -> [UInt8] {
        let v = littleEndian ? value.littleEndian : value.bigEndian
        return withUnsafeBytes(of: v, Array.init)
    }

    public func u16(_ value: UInt16) -> [UInt8] { Self.u16(value, littleEndian) }
    public func u32(_ value: UInt32) -> [UInt8] { Self.u32(value, littleEndian) }
    public func u64(_ value: UInt64) -> [UInt8] { Self.u64(value, littleEndian) }

    public static func padded(_ value: [UInt8]) -> [UInt8] {
        value + [UInt8](repeating: 0, count: (4 - value.count % 4) % 4)
    }

    // MARK: blocks

    /// Appends a block: type, total length, padded body, total length.
    public mutating func block(type: UInt32, body: [UInt8]) {
        let body = Self.padded(body)
        let length = UInt32(12 + body.count)
        bytes += u32(type) + u32(length) + body + u32(length)
    }

    /// One option: code (2), value length (2), value padded to 32 bits.
    public func option(_ code: UInt16, _ value: [UInt8]) -> [UInt8] {
        u16(code) + u16(UInt16(value.count)) + Self.padded(value)
    }

    /// opt_endofopt: code 0, length 0.
    public var endOfOptions: [UInt8] { u16(0) + u16(0) }

    /// SHB (0x0A0D0D0A): byte-order magic 0x1A2B3C4D, version 1.0, section length -1
    /// (unknown), no options.
    public mutating func sectionHeader(littleEndian: Bool) {
        self.littleEndian = littleEndian
        block(type: 0x0A0D_0D0A, body: u32(0x1A2B_3C4D) + u16(1) + u16(0) + u64(UInt64.max))
    }

    /// IDB (1): link type (2), reserved (2), snaplen (4), options: if_name (2),
    /// if_tsresol (9), if_tsoffset (14), end.
    public mutating func interface(linkType: UInt16, snaplen: UInt32, name: String? = nil,
                            tsresol: UInt8? = nil, tsoffset: Int64? = nil) {
        var options: [UInt8] = []
        if let name { options += option(2, Array(name.utf8)) }
        if let tsresol { options += option(9, [tsresol]) }
        if let tsoffset { options += option(14, u64(UInt64(bitPattern: tsoffset))) }
        if !options.isEmpty { options += endOfOptions }
        block(type: 1, body: u16(linkType) + u16(0) + u32(snaplen) + options)
    }

    /// EPB (6): interface id (4), timestamp high (4), timestamp low (4), captured length (4),
    /// original length (4), packet data padded, then `options` (from `option`) and their end.
    public mutating func enhancedPacket(interface: UInt32, ticks: UInt64, data: [UInt8], originalLength: Int? = nil,
                                 options: [UInt8] = []) {
        block(type: 6, body: u32(interface) + u32(UInt32(ticks >> 32)) + u32(UInt32(ticks & 0xFFFF_FFFF))
              + u32(UInt32(data.count)) + u32(UInt32(originalLength ?? data.count)) + Self.padded(data)
              + (options.isEmpty ? [] : options + endOfOptions))
    }

    /// SPB (3): original length (4), packet data padded.
    public mutating func simplePacket(originalLength: Int, data: [UInt8]) {
        block(type: 3, body: u32(UInt32(originalLength)) + Self.padded(data))
    }

    /// Obsolete PB (2): interface id (2), drops count (2), timestamp high, low, captured
    /// length, original length (4 each), packet data padded.
    public mutating func obsoletePacket(interface: UInt16, ticks: UInt64, data: [UInt8]) {
        block(type: 2, body: u16(interface) + u16(0) + u32(UInt32(ticks >> 32)) + u32(UInt32(ticks & 0xFFFF_FFFF))
              + u32(UInt32(data.count)) + u32(UInt32(data.count)) + Self.padded(data))
    }

    /// A test pattern of `count` bytes starting at `seed`.
    public static func pattern(_ count: Int, seed: UInt8) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: Int(seed) &+ $0) }
    }
}

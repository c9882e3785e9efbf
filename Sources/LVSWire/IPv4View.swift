/// A borrowed IPv4 packet (RFC 791).
///
/// `init(checking:)` guarantees the whole header (IHL × 4 ≥ 20 bytes) is present, the
/// version is 4, and the total length is not smaller than the header. It does not
/// require the payload: snaplen truncation is normal in a capture, and `payload` is
/// what was captured of the declared payload (`isPayloadTruncated` says when some is
/// missing). Bytes beyond the total length (Ethernet padding of short frames) are not
/// payload; they are `trailer`.
///
/// A total length of 0 is accepted: a capture taken on the sending host with TCP
/// segmentation offload shows the unsegmented packet before the NIC fills the field
/// (gopacket's `ip4.go` records the same case). It means "the rest of the buffer" and is
/// flagged by `hasOffloadedLength`.
public struct IPv4View {
    /// Byte offsets of the fixed header.
    public enum Field {
        @inlinable public static var versionAndHeaderLength: Int { 0 }
        @inlinable public static var dscpAndECN: Int { 1 }
        @inlinable public static var totalLength: Int { 2 }
        @inlinable public static var identification: Int { 4 }
        @inlinable public static var flagsAndFragmentOffset: Int { 6 }
        @inlinable public static var ttl: Int { 8 }
        @inlinable public static var `protocol`: Int { 9 }
        @inlinable public static var headerChecksum: Int { 10 }
        @inlinable public static var source: Int { 12 }
        @inlinable public static var destination: Int { 16 }
        @inlinable public static var options: Int { 20 }
    }

    /// The header without options.
    @inlinable public static var minimumHeaderLength: Int { Field.options }
    /// IHL is 4 bits of 32-bit words.
    @inlinable public static var maximumHeaderLength: Int { 60 }

    public let bytes: UnsafeRawBufferPointer

    @inlinable @inline(__always)
    public init(checking bytes: UnsafeRawBufferPointer) throws(WireError) {
        try WireError.require(Field.options, in: bytes, layer: .ipv4)
        let first = bytes.u8(at: Field.versionAndHeaderLength)
        guard first >> 4 == 4 else {
            throw WireError(.ipv4, at: Field.versionAndHeaderLength, .badVersion(first >> 4))
        }
        let headerLength = Int(first & 0x0F) * 4
        guard headerLength >= Field.options else {
            throw WireError(.ipv4, at: Field.versionAndHeaderLength, .badHeaderLength(headerLength))
        }
        try WireError.require(headerLength, in: bytes, layer: .ipv4)
        let totalLength = Int(bytes.u16(at: Field.totalLength))
        guard totalLength == 0 || totalLength >= headerLength else {
            throw WireError(.ipv4, at: Field.totalLength, .badTotalLength(totalLength))
        }
        self.bytes = bytes
    }

    @inlinable public var version: UInt8 { bytes.u8(at: Field.versionAndHeaderLength) >> 4 }
    /// IHL × 4, in bytes (20...60).
    @inlinable public var headerLength: Int { Int(bytes.u8(at: Field.versionAndHeaderLength) & 0x0F) * 4 }
    /// Differentiated services code point (RFC 2474), the upper 6 bits of the old TOS.
    @inlinable public var dscp: UInt8 { bytes.u8(at: Field.dscpAndECN) >> 2 }
    /// Explicit congestion notification (RFC 3168), the lower 2 bits.
    @inlinable public var ecn: UInt8 { bytes.u8(at: Field.dscpAndECN) & 0x3 }
    /// The total-length field as sent; 0 under offload (see `hasOffloadedLength`).
    @inlinable public var totalLength: UInt16 { bytes.u16(at: Field.totalLength) }
    @inlinable public var identification: UInt16 { bytes.u16(at: Field.identification) }

    @inlinable var flagsAndOffset: UInt16 { bytes.u16(at: Field.flagsAndFragmentOffset) }
    /// The reserved flag bit (must be zero; RFC 3514 jokingly calls it the evil bit).
    @inlinable public var reservedFlag: Bool { flagsAndOffset & 0x8000 != 0 }
    @inlinable public var dontFragment: Bool { flagsAndOffset & 0x4000 != 0 }
    @inlinable public var moreFragments: Bool { flagsAndOffset & 0x2000 != 0 }
    /// The fragment offset in bytes (the field counts 8-byte units).
    @inlinable public var fragmentOffset: Int { Int(flagsAndOffset & 0x1FFF) * 8 }
    /// True for any fragment, first or not: MF set or a non-zero offset.
    @inlinable public var isFragment: Bool { flagsAndOffset & 0x3FFF != 0 }

    @inlinable public var ttl: UInt8 { bytes.u8(at: Field.ttl) }
    @inlinable public var `protocol`: IPProtocol { IPProtocol(rawValue: bytes.u8(at: Field.protocol)) }
    @inlinable public var headerChecksum: UInt16 { bytes.u16(at: Field.headerChecksum) }
    @inlinable public var source: IPv4Address { IPv4Address(reading: bytes, at: Field.source) }
    @inlinable public var destination: IPv4Address { IPv4Address(reading: bytes, at: Field.destination) }

    /// The header bytes, options included.
    @inlinable public var header: UnsafeRawBufferPointer { bytes.slice(from: 0, length: headerLength) }
    /// The option bytes (empty when IHL is 5).
    @inlinable public var options: UnsafeRawBufferPointer {
        bytes.slice(from: Field.options, length: headerLength - Field.options)
    }

    /// True when the total-length field is 0 and the buffer length stands in for it.
    @inlinable public var hasOffloadedLength: Bool { totalLength == 0 }

    /// The total length used for the payload: the field, or the buffer length under offload.
    @inlinable @inline(__always) public var effectiveTotalLength: Int {
        hasOffloadedLength ? bytes.count : Int(totalLength)
    }

    /// The payload length the header declares (total length − header length).
    @inlinable public var declaredPayloadLength: Int { effectiveTotalLength - headerLength }

    /// The captured part of the declared payload: clamped to the total length (which
    /// strips link-layer padding) and to the bytes present.
    @inlinable public var payload: UnsafeRawBufferPointer {
        bytes.slice(from: headerLength, length: Swift.min(effectiveTotalLength, bytes.count) - headerLength)
    }

    /// True when fewer bytes were captured than the total length declares.
    @inlinable public var isPayloadTruncated: Bool { effectiveTotalLength > bytes.count }

    /// Bytes after the declared end of the packet (Ethernet padding, trailers).
    @inlinable public var trailer: UnsafeRawBufferPointer { bytes.suffix(from: effectiveTotalLength) }
}

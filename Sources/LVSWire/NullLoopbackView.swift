/// A borrowed BSD loopback header: a 4-byte address family, then an IP packet.
///
/// LINKTYPE_NULL (0) stores the family in the byte order of the machine that captured,
/// which the file does not record reliably (a file can be rewritten on another host), so
/// `.detect` takes the order in which the value is at most 0xFF: families are small.
/// LINKTYPE_LOOP (108) stores it in network order. IPv6 has a different family number
/// on each OS: 10 Linux, 24 NetBSD/OpenBSD, 28 FreeBSD, 30 Darwin.
public struct NullLoopbackView {
    /// How the 4-byte family is encoded.
    public enum ByteOrder: Hashable, Sendable {
        case bigEndian
        case littleEndian
        /// Whichever order gives a value ≤ 0xFF (big-endian if neither or both do).
        case detect

        /// LINKTYPE_LOOP stores the family in network order.
        @inlinable public static var network: ByteOrder { .bigEndian }

        /// The order to use for a capture file's link type.
        @inlinable public static func forLinkType(_ linkType: LinkType) -> ByteOrder {
            linkType == .loop ? .bigEndian : .detect
        }
    }

    /// Byte offsets of the 4-byte header.
    public enum Field {
        @inlinable public static var family: Int { 0 }
        @inlinable public static var payload: Int { 4 }
    }

    @inlinable public static var headerLength: Int { Field.payload }

    public let bytes: UnsafeRawBufferPointer
    /// The address family in host terms (`AF_INET` = 2, ...), decoded per `byteOrder`.
    public let family: UInt32
    /// True when `family` was read little-endian.
    public let isLittleEndian: Bool

    @inlinable
    public init(checking bytes: UnsafeRawBufferPointer, byteOrder: ByteOrder) throws(WireError) {
        try WireError.require(Field.payload, in: bytes, layer: .null)
        self.bytes = bytes
        let big = bytes.u32(at: Field.family)
        let little = big.byteSwapped
        switch byteOrder {
        case .bigEndian: (family, isLittleEndian) = (big, false)
        case .littleEndian: (family, isLittleEndian) = (little, true)
        case .detect: (family, isLittleEndian) = big > 0xFF && little <= 0xFF ? (little, true) : (big, false)
        }
    }

    /// Convenience: the byte order implied by the capture's link type.
    @inlinable
    public init(checking bytes: UnsafeRawBufferPointer, linkType: LinkType) throws(WireError) {
        try self.init(checking: bytes, byteOrder: .forLinkType(linkType))
    }

    /// `AF_INET` is 2 on every system.
    @inlinable public var isIPv4: Bool { family == 2 }

    /// `AF_INET6`: 10 Linux, 24 NetBSD/OpenBSD, 28 FreeBSD/DragonFly, 30 Darwin.
    @inlinable public var isIPv6: Bool {
        switch family {
        case 10, 24, 28, 30: true
        default: false
        }
    }

    @inlinable public var headerLength: Int { Field.payload }
    @inlinable public var payload: UnsafeRawBufferPointer { bytes.suffix(from: Field.payload) }
}

/// A borrowed ICMP message (RFC 792): type, code, checksum, four type-specific bytes,
/// then data. For error messages the data is the quoted packet that caused it, which
/// LVS rewrites in NAT and FULL-NAT (the quoted addresses and ports must match the
/// connection).
public struct ICMPv4View {
    /// Byte offsets of the 8-byte header.
    public enum Field {
        @inlinable public static var type: Int { 0 }
        @inlinable public static var code: Int { 1 }
        @inlinable public static var checksum: Int { 2 }
        /// The four type-specific bytes ("rest of header").
        @inlinable public static var restOfHeader: Int { 4 }
        @inlinable public static var identifier: Int { 4 }
        @inlinable public static var sequence: Int { 6 }
        @inlinable public static var pointer: Int { 4 }
        @inlinable public static var gateway: Int { 4 }
        @inlinable public static var nextHopMTU: Int { 6 }
        @inlinable public static var data: Int { 8 }
    }

    @inlinable public static var headerLength: Int { Field.data }

    /// The message: pass the IP layer's clamped payload.
    public let bytes: UnsafeRawBufferPointer

    @inlinable
    public init(checking bytes: UnsafeRawBufferPointer) throws(WireError) {
        try WireError.require(Field.data, in: bytes, layer: .icmp)
        self.bytes = bytes
    }

    @inlinable public var type: ICMPv4Type { ICMPv4Type(rawValue: bytes.u8(at: Field.type)) }
    @inlinable public var code: UInt8 { bytes.u8(at: Field.code) }
    @inlinable public var checksum: UInt16 { bytes.u16(at: Field.checksum) }
    @inlinable public var restOfHeader: UInt32 { bytes.u32(at: Field.restOfHeader) }
    /// Echo identifier (meaningful for echo request/reply).
    @inlinable public var identifier: UInt16 { bytes.u16(at: Field.identifier) }
    /// Echo sequence number (meaningful for echo request/reply).
    @inlinable public var sequence: UInt16 { bytes.u16(at: Field.sequence) }
    /// Next-hop MTU of "fragmentation needed" (type 3 code 4, RFC 1191 §4); 0 from
    /// routers that predate it.
    @inlinable public var nextHopMTU: UInt16 { bytes.u16(at: Field.nextHopMTU) }
    /// Parameter problem: the offset of the offending byte.
    @inlinable public var pointer: UInt8 { bytes.u8(at: Field.pointer) }
    /// Redirect: the better gateway.
    @inlinable public var gateway: IPv4Address { IPv4Address(reading: bytes, at: Field.gateway) }

    @inlinable public var isError: Bool { type.isError }
    @inlinable public var isEcho: Bool { type.isEcho }
    @inlinable public var isFragmentationNeeded: Bool {
        type == .destinationUnreachable && code == ICMPv4UnreachableCode.fragmentationNeeded
    }

    @inlinable public var headerLength: Int { Field.data }
    /// Everything after the 8-byte header (echo data, quoted packet...).
    @inlinable public var payload: UnsafeRawBufferPointer { bytes.suffix(from: Field.data) }
    /// For error messages, the quoted packet (IPv4 header and leading data); empty otherwise.
    @inlinable public var quotedPacket: UnsafeRawBufferPointer {
        isError ? payload : UnsafeRawBufferPointer(start: nil, count: 0)
    }
}

/// A borrowed IPv6 packet (RFC 8200): the 40-byte fixed header and what follows it.
///
/// `init(checking:)` guarantees the fixed header and version 6. `payload` is the
/// captured part of the declared payload (extension headers included; walk them with
/// `IPv6ExtensionChain`). A payload length of 0 with bytes after the header is either a
/// jumbogram (RFC 2675, length in a hop-by-hop option) or a GSO/BIG TCP packet captured
/// before segmentation; both mean "the rest of the buffer" (`hasOffloadedLength`).
public struct IPv6View {
    /// Byte offsets of the fixed header.
    public enum Field {
        @inlinable public static var versionClassAndFlow: Int { 0 }
        @inlinable public static var payloadLength: Int { 4 }
        @inlinable public static var nextHeader: Int { 6 }
        @inlinable public static var hopLimit: Int { 7 }
        @inlinable public static var source: Int { 8 }
        @inlinable public static var destination: Int { 24 }
        @inlinable public static var payload: Int { 40 }
    }

    @inlinable public static var headerLength: Int { Field.payload }

    public let bytes: UnsafeRawBufferPointer

    @inlinable
    public init(checking bytes: UnsafeRawBufferPointer) throws(WireError) {
        try WireError.require(Field.payload, in: bytes, layer: .ipv6)
        let version = bytes.u8(at: Field.versionClassAndFlow) >> 4
        guard version == 6 else {
            throw WireError(.ipv6, at: Field.versionClassAndFlow, .badVersion(version))
        }
        self.bytes = bytes
    }

    @inlinable var firstWord: UInt32 { bytes.u32(at: Field.versionClassAndFlow) }
    @inlinable public var version: UInt8 { UInt8(truncatingIfNeeded: firstWord >> 28) }
    /// The traffic class octet: DSCP (upper 6 bits) and ECN (lower 2).
    @inlinable public var trafficClass: UInt8 { UInt8(truncatingIfNeeded: firstWord >> 20) }
    @inlinable public var dscp: UInt8 { trafficClass >> 2 }
    @inlinable public var ecn: UInt8 { trafficClass & 0x3 }
    /// The 20-bit flow label (RFC 6437).
    @inlinable public var flowLabel: UInt32 { firstWord & 0xF_FFFF }
    /// The payload-length field as sent (extension headers included).
    @inlinable public var payloadLength: UInt16 { bytes.u16(at: Field.payloadLength) }
    @inlinable public var nextHeader: IPProtocol { IPProtocol(rawValue: bytes.u8(at: Field.nextHeader)) }
    @inlinable public var hopLimit: UInt8 { bytes.u8(at: Field.hopLimit) }
    @inlinable public var source: IPv6Address { IPv6Address(reading: bytes, at: Field.source) }
    @inlinable public var destination: IPv6Address { IPv6Address(reading: bytes, at: Field.destination) }
    @inlinable public var headerLength: Int { Field.payload }

    /// True when the payload length is 0 but bytes follow the header (jumbogram or GSO).
    @inlinable public var hasOffloadedLength: Bool { payloadLength == 0 && bytes.count > Field.payload }

    /// The payload length used: the field, or the rest of the buffer under offload.
    @inlinable public var declaredPayloadLength: Int {
        hasOffloadedLength ? bytes.count - Field.payload : Int(payloadLength)
    }

    /// The captured part of the declared payload (padding after it excluded).
    @inlinable public var payload: UnsafeRawBufferPointer {
        bytes.slice(from: Field.payload, length: declaredPayloadLength)
    }

    @inlinable public var isPayloadTruncated: Bool { Field.payload + declaredPayloadLength > bytes.count }

    /// Bytes after the declared end of the packet (link-layer padding).
    @inlinable public var trailer: UnsafeRawBufferPointer { bytes.suffix(from: Field.payload + declaredPayloadLength) }
}

/// A borrowed UDP datagram (RFC 768).
///
/// `init(checking:)` guarantees the 8-byte header and a length field that is either 0 or
/// at least 8. A length of 0 is an IPv6 jumbogram (RFC 2675) or a GSO datagram captured
/// on the sender: the payload is then the rest of the buffer (`hasOffloadedLength`).
/// Pass the IP layer's clamped payload as `bytes`.
public struct UDPView {
    /// Byte offsets of the header.
    public enum Field {
        @inlinable public static var sourcePort: Int { 0 }
        @inlinable public static var destinationPort: Int { 2 }
        @inlinable public static var length: Int { 4 }
        @inlinable public static var checksum: Int { 6 }
        @inlinable public static var payload: Int { 8 }
    }

    @inlinable public static var headerLength: Int { Field.payload }

    public let bytes: UnsafeRawBufferPointer

    @inlinable
    public init(checking bytes: UnsafeRawBufferPointer) throws(WireError) {
        try WireError.require(Field.payload, in: bytes, layer: .udp)
        let length = Int(bytes.u16(at: Field.length))
        guard length == 0 || length >= Field.payload else {
            throw WireError(.udp, at: Field.length, .badTotalLength(length))
        }
        self.bytes = bytes
    }

    @inlinable public var sourcePort: UInt16 { bytes.u16(at: Field.sourcePort) }
    @inlinable public var destinationPort: UInt16 { bytes.u16(at: Field.destinationPort) }
    /// The length field: header plus data.
    @inlinable public var length: UInt16 { bytes.u16(at: Field.length) }
    /// 0 means "no checksum" over IPv4 (RFC 768); over IPv6 it is mandatory (RFC 8200 §8.1).
    @inlinable public var checksum: UInt16 { bytes.u16(at: Field.checksum) }
    @inlinable public var headerLength: Int { Field.payload }

    @inlinable public var hasOffloadedLength: Bool { length == 0 }

    /// The data length the header declares (the buffer's under offload).
    @inlinable public var declaredPayloadLength: Int {
        hasOffloadedLength ? bytes.count - Field.payload : Int(length) - Field.payload
    }

    /// The captured part of the declared data.
    @inlinable public var payload: UnsafeRawBufferPointer {
        bytes.slice(from: Field.payload, length: declaredPayloadLength)
    }

    @inlinable public var isPayloadTruncated: Bool { Field.payload + declaredPayloadLength > bytes.count }
}

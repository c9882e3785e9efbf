/// A borrowed TCP segment (RFC 9293 §3.1).
///
/// `init(checking:)` guarantees the header up to the data offset (20...60 bytes) is
/// present. TCP has no length of its own: pass the IP layer's `payload`, which is
/// already clamped to the declared length, and `payload` here is the rest.
public struct TCPView {
    /// Byte offsets of the fixed header.
    public enum Field {
        @inlinable public static var sourcePort: Int { 0 }
        @inlinable public static var destinationPort: Int { 2 }
        @inlinable public static var sequenceNumber: Int { 4 }
        @inlinable public static var acknowledgementNumber: Int { 8 }
        @inlinable public static var dataOffsetAndFlags: Int { 12 }
        @inlinable public static var window: Int { 14 }
        @inlinable public static var checksum: Int { 16 }
        @inlinable public static var urgentPointer: Int { 18 }
        @inlinable public static var options: Int { 20 }
    }

    @inlinable public static var minimumHeaderLength: Int { Field.options }
    @inlinable public static var maximumHeaderLength: Int { 60 }

    public let bytes: UnsafeRawBufferPointer

    @inlinable @inline(__always)
    public init(checking bytes: UnsafeRawBufferPointer) throws(WireError) {
        try WireError.require(Field.options, in: bytes, layer: .tcp)
        let headerLength = Int(bytes.u8(at: Field.dataOffsetAndFlags) >> 4) * 4
        guard headerLength >= Field.options else {
            throw WireError(.tcp, at: Field.dataOffsetAndFlags, .badHeaderLength(headerLength))
        }
        try WireError.require(headerLength, in: bytes, layer: .tcp)
        self.bytes = bytes
    }

    @inlinable public var sourcePort: UInt16 { bytes.u16(at: Field.sourcePort) }
    @inlinable public var destinationPort: UInt16 { bytes.u16(at: Field.destinationPort) }
    @inlinable public var sequenceNumber: SequenceNumber { SequenceNumber(bytes.u32(at: Field.sequenceNumber)) }
    @inlinable public var acknowledgementNumber: SequenceNumber {
        SequenceNumber(bytes.u32(at: Field.acknowledgementNumber))
    }
    /// Data offset × 4, in bytes (20...60).
    @inlinable public var headerLength: Int { Int(bytes.u8(at: Field.dataOffsetAndFlags) >> 4) * 4 }
    @inlinable public var flags: TCPFlags { TCPFlags(rawValue: bytes.u16(at: Field.dataOffsetAndFlags) & 0x01FF) }
    /// The three reserved bits between the data offset and NS (must be zero).
    @inlinable public var reservedBits: UInt8 { bytes.u8(at: Field.dataOffsetAndFlags) >> 1 & 0x7 }
    @inlinable public var window: UInt16 { bytes.u16(at: Field.window) }
    @inlinable public var checksum: UInt16 { bytes.u16(at: Field.checksum) }
    @inlinable public var urgentPointer: UInt16 { bytes.u16(at: Field.urgentPointer) }

    /// The raw option bytes, padding included.
    @inlinable @inline(__always) public var options: UnsafeRawBufferPointer {
        bytes.slice(from: Field.options, length: headerLength - Field.options)
    }

    /// The options, decoded lazily without allocation.
    @inlinable @inline(__always) public var decodedOptions: TCPOptions { TCPOptions(options) }

    /// The captured segment data after the header.
    @inlinable public var payload: UnsafeRawBufferPointer { bytes.suffix(from: headerLength) }

    /// Sequence space the segment occupies: data bytes plus one each for SYN and FIN.
    @inlinable public func sequenceLength(payloadLength: Int) -> Int {
        payloadLength + (flags.contains(.syn) ? 1 : 0) + (flags.contains(.fin) ? 1 : 0)
    }
}

/// A borrowed Ethernet II frame header (IEEE 802.3, RFC 894): destination, source,
/// EtherType, then the payload. The frame check sequence is not part of the view:
/// capture files almost never carry it (LINKTYPE_ETHERNET without FCS bits).
public struct EthernetView {
    /// Byte offsets of the fixed header.
    public enum Field {
        @inlinable public static var destination: Int { 0 }
        @inlinable public static var source: Int { 6 }
        @inlinable public static var etherType: Int { 12 }
        @inlinable public static var payload: Int { 14 }
    }

    /// The Ethernet II header is always 14 bytes; tags are separate views.
    @inlinable public static var headerLength: Int { Field.payload }

    /// The frame, from the destination address to the end of what was captured.
    public let bytes: UnsafeRawBufferPointer

    /// Checks that the 14-byte header is present.
    @inlinable @inline(__always)
    public init(checking bytes: UnsafeRawBufferPointer) throws(WireError) {
        try WireError.require(Field.payload, in: bytes, layer: .ethernet)
        self.bytes = bytes
    }

    @inlinable public var destination: MACAddress { MACAddress(reading: bytes, at: Field.destination) }
    @inlinable public var source: MACAddress { MACAddress(reading: bytes, at: Field.source) }
    @inlinable public var etherType: EtherType { EtherType(rawValue: bytes.u16(at: Field.etherType)) }
    @inlinable public var headerLength: Int { Field.payload }

    /// True when the type field is an IEEE 802.3 length (≤ 1500), i.e. an LLC frame.
    @inlinable public var isIEEE8023Length: Bool { etherType.rawValue <= 1500 }

    /// Everything after the header, including any Ethernet padding (the IP view trims it).
    @inlinable public var payload: UnsafeRawBufferPointer { bytes.suffix(from: Field.payload) }
}

/// A borrowed IEEE 802.1Q / 802.1ad tag: the 4 bytes that follow a tag EtherType
/// (`EtherType.isVLANTag`). The tag type itself belongs to the enclosing header; the
/// tag holds the tag control information (TCI) and the next EtherType.
public struct VLANTagView {
    /// Byte offsets within the tag.
    public enum Field {
        @inlinable public static var tci: Int { 0 }
        @inlinable public static var etherType: Int { 2 }
        @inlinable public static var payload: Int { 4 }
    }

    @inlinable public static var headerLength: Int { Field.payload }

    public let bytes: UnsafeRawBufferPointer

    @inlinable
    public init(checking bytes: UnsafeRawBufferPointer) throws(WireError) {
        try WireError.require(Field.payload, in: bytes, layer: .vlan)
        self.bytes = bytes
    }

    /// Tag control information: PCP (3 bits), DEI (1 bit), VID (12 bits).
    @inlinable public var tci: UInt16 { bytes.u16(at: Field.tci) }
    /// VLAN identifier (0 = priority-tagged frame, 4095 reserved).
    @inlinable public var vlanID: UInt16 { tci & 0x0FFF }
    /// Priority code point (IEEE 802.1p class of service).
    @inlinable public var priority: UInt8 { UInt8(truncatingIfNeeded: tci >> 13) }
    /// Drop eligible indicator (formerly CFI).
    @inlinable public var dropEligible: Bool { tci & 0x1000 != 0 }
    /// The EtherType of what follows the tag (another tag for QinQ).
    @inlinable public var etherType: EtherType { EtherType(rawValue: bytes.u16(at: Field.etherType)) }
    @inlinable public var headerLength: Int { Field.payload }
    @inlinable public var payload: UnsafeRawBufferPointer { bytes.suffix(from: Field.payload) }
}

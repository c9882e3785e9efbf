/// A Geneve header (RFC 8926): version, option length in 4-byte words, protocol type
/// (an EtherType; 0x6558 for Ethernet), 24-bit VNI, options. UDP port 6081.
public struct GeneveView {
    public enum Field {
        @inlinable public static var versionAndOptionLength: Int { 0 }
        @inlinable public static var protocolType: Int { 2 }
        @inlinable public static var vni: Int { 4 }
        @inlinable public static var options: Int { 8 }
    }

    public static let udpPort: UInt16 = 6081

    public let bytes: UnsafeRawBufferPointer
    public let headerLength: Int

    @inlinable
    public init(checking bytes: UnsafeRawBufferPointer) throws(WireError) {
        try WireError.require(Field.options, in: bytes, layer: .geneve)
        let first = bytes.u8(at: Field.versionAndOptionLength)
        guard first >> 6 == 0 else { throw WireError(.geneve, at: 0, .badVersion(first >> 6)) }
        let length = Field.options + Int(first & 0x3F) * 4
        try WireError.require(length, in: bytes, layer: .geneve)
        self.bytes = bytes
        headerLength = length
    }

    @inlinable public var protocolType: EtherType { EtherType(rawValue: bytes.u16(at: Field.protocolType)) }
    @inlinable public var vni: UInt32 { bytes.u32(at: Field.vni) >> 8 }
    @inlinable public var payload: UnsafeRawBufferPointer { bytes.suffix(from: headerLength) }
}

/// An ERSPAN header inside GRE, before the mirrored Ethernet frame.
///
/// Type I (GRE protocol 0x88BE without a sequence number) has no header; type II
/// (0x88BE with a sequence number) has 8 bytes; type III (0x22EB) has 12, plus an
/// 8-byte platform-specific subheader when its O flag is set.
public struct ERSPANView {
    public enum Field {
        @inlinable public static var versionAndVLAN: Int { 0 }
        @inlinable public static var typeIIILength: Int { 12 }
        @inlinable public static var typeIIIFlags: Int { 11 }
        @inlinable public static var typeIILength: Int { 8 }
        @inlinable public static var platformSubheaderLength: Int { 8 }
    }

    public enum Kind: Sendable { case typeI, typeII, typeIII }

    /// GRE protocol types that carry ERSPAN.
    @inlinable public static var typeIIGREProtocol: EtherType { EtherType(rawValue: 0x88BE) }
    @inlinable public static var typeIIIGREProtocol: EtherType { EtherType(rawValue: 0x22EB) }

    public let bytes: UnsafeRawBufferPointer
    public let headerLength: Int

    @inlinable
    public init(checking bytes: UnsafeRawBufferPointer, kind: Kind) throws(WireError) {
        switch kind {
        case .typeI:
            headerLength = 0
        case .typeII:
            try WireError.require(Field.typeIILength, in: bytes, layer: .erspan)
            headerLength = Field.typeIILength
        case .typeIII:
            try WireError.require(Field.typeIIILength, in: bytes, layer: .erspan)
            let optional = bytes.u8(at: Field.typeIIIFlags) & 0x01 != 0
            headerLength = Field.typeIIILength + (optional ? Field.platformSubheaderLength : 0)
            try WireError.require(headerLength, in: bytes, layer: .erspan)
        }
        self.bytes = bytes
    }

    @inlinable public var payload: UnsafeRawBufferPointer { bytes.suffix(from: headerLength) }
}

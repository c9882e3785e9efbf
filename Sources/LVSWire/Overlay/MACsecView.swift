/// An IEEE 802.1AE MACsec SecTAG: TCI/AN, short length, packet number and, with the SC
/// bit, an 8-byte secure channel identifier. Without encryption (E and C bits clear)
/// the protected data is readable: an EtherType and its payload, then a 16-byte ICV.
public struct MACsecView {
    public enum Field {
        @inlinable public static var tciAN: Int { 0 }
        @inlinable public static var shortLength: Int { 1 }
        @inlinable public static var packetNumber: Int { 2 }
        @inlinable public static var secureChannel: Int { 6 }
        @inlinable public static var sciLength: Int { 8 }
        @inlinable public static var integrityCheckLength: Int { 16 }
    }

    @inlinable public static var etherType: EtherType { EtherType(rawValue: 0x88E5) }

    public let bytes: UnsafeRawBufferPointer
    public let headerLength: Int

    @inlinable
    public init(checking bytes: UnsafeRawBufferPointer) throws(WireError) {
        try WireError.require(Field.secureChannel, in: bytes, layer: .macsec)
        let hasSCI = bytes.u8(at: Field.tciAN) & 0x20 != 0
        headerLength = Field.secureChannel + (hasSCI ? Field.sciLength : 0)
        try WireError.require(headerLength, in: bytes, layer: .macsec)
        self.bytes = bytes
    }

    /// E (encrypted) or C (changed text) bit: the data cannot be read.
    @inlinable public var isEncrypted: Bool { bytes.u8(at: Field.tciAN) & 0x0C != 0 }

    /// The protected data (EtherType first) when it is not encrypted.
    @inlinable public var payload: UnsafeRawBufferPointer { bytes.suffix(from: headerLength) }
}

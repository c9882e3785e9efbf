/// An MPLS label stack (RFC 3032): 4-byte entries up to the one with the
/// bottom-of-stack bit. What follows carries no type; its first nibble tells IPv4 or IPv6.
public struct MPLSLabelStack {
    public enum Field {
        @inlinable public static var entryLength: Int { 4 }
        @inlinable public static var bottomOfStackBit: UInt32 { 0x100 }
    }

    /// Unicast and multicast MPLS EtherTypes; MPLS over UDP uses port 6635 (RFC 7510).
    @inlinable public static var unicast: EtherType { EtherType(rawValue: 0x8847) }
    @inlinable public static var multicast: EtherType { EtherType(rawValue: 0x8848) }
    public static let udpPort: UInt16 = 6635

    public let bytes: UnsafeRawBufferPointer
    public let headerLength: Int
    /// The top label.
    public let topLabel: UInt32

    @inlinable
    public init(checking bytes: UnsafeRawBufferPointer) throws(WireError) {
        var offset = 0
        while true {
            try WireError.require(offset + Field.entryLength, in: bytes, layer: .mpls, at: offset)
            let entry = bytes.u32(at: offset)
            offset += Field.entryLength
            if entry & Field.bottomOfStackBit != 0 { break }
        }
        self.bytes = bytes
        headerLength = offset
        topLabel = bytes.u32(at: 0) >> 12
    }

    @inlinable public var payload: UnsafeRawBufferPointer { bytes.suffix(from: headerLength) }
}

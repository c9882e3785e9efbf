/// A VXLAN header (RFC 7348): flags, 24-bit VNI, then an Ethernet frame. UDP port 4789.
public struct VXLANView {
    public enum Field {
        @inlinable public static var flags: Int { 0 }
        @inlinable public static var vni: Int { 4 }
        @inlinable public static var payload: Int { 8 }
    }

    public static let udpPort: UInt16 = 4789
    @inlinable public static var headerLength: Int { Field.payload }

    public let bytes: UnsafeRawBufferPointer

    @inlinable
    public init(checking bytes: UnsafeRawBufferPointer) throws(WireError) {
        try WireError.require(Field.payload, in: bytes, layer: .vxlan)
        self.bytes = bytes
    }

    /// The VXLAN network identifier (valid when the I flag is set).
    @inlinable public var vni: UInt32 { bytes.u32(at: Field.vni) >> 8 }
    @inlinable public var payload: UnsafeRawBufferPointer { bytes.suffix(from: Field.payload) }
}

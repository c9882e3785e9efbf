/// A borrowed Linux cooked-capture v2 header (LINKTYPE_LINUX_SLL2, 276), what
/// `tcpdump -i any` writes with libpcap ≥ 1.10: 20 bytes including the interface
/// index, so a capture on all interfaces can be split per interface.
public struct LinuxSLL2View {
    /// Byte offsets of the 20-byte header.
    public enum Field {
        @inlinable public static var protocolType: Int { 0 }
        @inlinable public static var reserved: Int { 2 }
        @inlinable public static var interfaceIndex: Int { 4 }
        @inlinable public static var arphrdType: Int { 8 }
        @inlinable public static var packetType: Int { 10 }
        @inlinable public static var addressLength: Int { 11 }
        @inlinable public static var address: Int { 12 }
        @inlinable public static var addressCapacity: Int { 8 }
        @inlinable public static var payload: Int { 20 }
    }

    @inlinable public static var headerLength: Int { Field.payload }

    public let bytes: UnsafeRawBufferPointer

    @inlinable
    public init(checking bytes: UnsafeRawBufferPointer) throws(WireError) {
        try WireError.require(Field.payload, in: bytes, layer: .sll2)
        self.bytes = bytes
    }

    /// The EtherType (or Linux `ETH_P_*` value, see `LinuxSLLView`) of the payload.
    @inlinable public var protocolType: EtherType { EtherType(rawValue: bytes.u16(at: Field.protocolType)) }
    /// The kernel's interface index (`ip link` numbering) the packet was seen on.
    @inlinable public var interfaceIndex: UInt32 { bytes.u32(at: Field.interfaceIndex) }
    @inlinable public var arphrdType: UInt16 { bytes.u16(at: Field.arphrdType) }
    /// `sll_pkttype`: 0 host, 1 broadcast, 2 multicast, 3 other host, 4 outgoing.
    @inlinable public var packetType: UInt8 { bytes.u8(at: Field.packetType) }
    @inlinable public var packetKind: LinuxPacketType { LinuxPacketType(rawValue: UInt16(packetType)) }
    @inlinable public var addressLength: UInt8 { bytes.u8(at: Field.addressLength) }

    @inlinable public var address: MACAddress? {
        addressLength == 6 ? MACAddress(reading: bytes, at: Field.address) : nil
    }

    @inlinable public var addressBytes: UnsafeRawBufferPointer {
        bytes.slice(from: Field.address, length: Swift.min(Int(addressLength), Field.addressCapacity))
    }

    @inlinable public var headerLength: Int { Field.payload }
    @inlinable public var payload: UnsafeRawBufferPointer { bytes.suffix(from: Field.payload) }
}

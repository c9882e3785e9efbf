/// A borrowed Linux cooked-capture v1 header (LINKTYPE_LINUX_SLL, 113), what
/// `tcpdump -i any` writes on older libpcap: 16 bytes, then the packet from the network
/// layer on.
///
/// `protocolType` is the `sll_protocol` field: an EtherType for Ethernet-like devices,
/// but for other ARPHRD types (loopback 772, some tunnels) it may hold a Linux
/// `ETH_P_*` value below 0x0600 such as 0x0004 (802.2); it is exposed as is.
public struct LinuxSLLView {
    /// Byte offsets of the 16-byte header.
    public enum Field {
        @inlinable public static var packetType: Int { 0 }
        @inlinable public static var arphrdType: Int { 2 }
        @inlinable public static var addressLength: Int { 4 }
        @inlinable public static var address: Int { 6 }
        /// The address field is always 8 bytes; shorter addresses are zero-padded.
        @inlinable public static var addressCapacity: Int { 8 }
        @inlinable public static var protocolType: Int { 14 }
        @inlinable public static var payload: Int { 16 }
    }

    @inlinable public static var headerLength: Int { Field.payload }

    public let bytes: UnsafeRawBufferPointer

    @inlinable
    public init(checking bytes: UnsafeRawBufferPointer) throws(WireError) {
        try WireError.require(Field.payload, in: bytes, layer: .sll)
        self.bytes = bytes
    }

    /// `sll_pkttype`: 0 host, 1 broadcast, 2 multicast, 3 other host, 4 outgoing.
    @inlinable public var packetType: UInt16 { bytes.u16(at: Field.packetType) }
    @inlinable public var packetKind: LinuxPacketType { LinuxPacketType(rawValue: packetType) }
    /// `sll_hatype`: the device's ARPHRD_* type (1 Ethernet, 772 loopback, 768 IPIP...).
    @inlinable public var arphrdType: UInt16 { bytes.u16(at: Field.arphrdType) }
    /// `sll_halen`: the link-layer address length (may exceed the 8 bytes stored).
    @inlinable public var addressLength: UInt16 { bytes.u16(at: Field.addressLength) }

    /// The link-layer source address when it is a 6-byte MAC address.
    @inlinable public var address: MACAddress? {
        addressLength == 6 ? MACAddress(reading: bytes, at: Field.address) : nil
    }

    /// The stored address bytes: `addressLength` of them, at most 8.
    @inlinable public var addressBytes: UnsafeRawBufferPointer {
        bytes.slice(from: Field.address, length: Swift.min(Int(addressLength), Field.addressCapacity))
    }

    @inlinable public var protocolType: EtherType { EtherType(rawValue: bytes.u16(at: Field.protocolType)) }
    @inlinable public var headerLength: Int { Field.payload }
    @inlinable public var payload: UnsafeRawBufferPointer { bytes.suffix(from: Field.payload) }
}

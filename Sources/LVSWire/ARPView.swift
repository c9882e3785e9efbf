/// A borrowed ARP packet (RFC 826).
///
/// The address sizes come from the packet: the common Ethernet/IPv4 form (hardware
/// length 6, protocol 0x0800 length 4) has typed accessors; other sizes are exposed as
/// raw bytes, and only a packet shorter than its own sizes require is rejected.
public struct ARPView {
    /// Byte offsets of the fixed part; the addresses follow at offsets set by the sizes.
    public enum Field {
        @inlinable public static var hardwareType: Int { 0 }
        @inlinable public static var protocolType: Int { 2 }
        @inlinable public static var hardwareLength: Int { 4 }
        @inlinable public static var protocolLength: Int { 5 }
        @inlinable public static var operation: Int { 6 }
        @inlinable public static var senderHardwareAddress: Int { 8 }
        /// Where the other addresses sit in the Ethernet/IPv4 form (sizes 6 and 4).
        @inlinable public static var ethernetIPv4SenderProtocolAddress: Int { 14 }
        @inlinable public static var ethernetIPv4TargetHardwareAddress: Int { 18 }
        @inlinable public static var ethernetIPv4TargetProtocolAddress: Int { 24 }
        @inlinable public static var ethernetIPv4End: Int { 28 }
    }

    /// The fixed part before the addresses.
    @inlinable public static var fixedLength: Int { Field.senderHardwareAddress }

    public let bytes: UnsafeRawBufferPointer

    /// Checks the fixed part and the four addresses its sizes announce.
    @inlinable
    public init(checking bytes: UnsafeRawBufferPointer) throws(WireError) {
        try WireError.require(Field.senderHardwareAddress, in: bytes, layer: .arp)
        let needed = Field.senderHardwareAddress
            + 2 * (Int(bytes.u8(at: Field.hardwareLength)) + Int(bytes.u8(at: Field.protocolLength)))
        try WireError.require(needed, in: bytes, layer: .arp)
        self.bytes = bytes
    }

    /// IANA hardware type: 1 Ethernet, 6 IEEE 802.
    @inlinable public var hardwareType: UInt16 { bytes.u16(at: Field.hardwareType) }
    @inlinable public var protocolType: EtherType { EtherType(rawValue: bytes.u16(at: Field.protocolType)) }
    @inlinable public var hardwareLength: Int { Int(bytes.u8(at: Field.hardwareLength)) }
    @inlinable public var protocolLength: Int { Int(bytes.u8(at: Field.protocolLength)) }
    @inlinable public var operation: ARPOperation { ARPOperation(rawValue: bytes.u16(at: Field.operation)) }

    /// The length of the ARP packet proper; anything after it is link-layer padding.
    @inlinable public var packetLength: Int { Field.senderHardwareAddress + 2 * (hardwareLength + protocolLength) }

    /// True for the Ethernet/IPv4 form: 6-byte hardware and 4-byte IPv4 protocol addresses.
    @inlinable public var isEthernetIPv4: Bool {
        hardwareLength == 6 && protocolLength == 4 && protocolType == .ipv4
    }

    @inlinable var senderProtocolOffset: Int { Field.senderHardwareAddress + hardwareLength }
    @inlinable var targetHardwareOffset: Int { senderProtocolOffset + protocolLength }
    @inlinable var targetProtocolOffset: Int { targetHardwareOffset + hardwareLength }

    @inlinable public var senderHardwareAddress: UnsafeRawBufferPointer {
        bytes.slice(from: Field.senderHardwareAddress, length: hardwareLength)
    }
    @inlinable public var senderProtocolAddress: UnsafeRawBufferPointer {
        bytes.slice(from: senderProtocolOffset, length: protocolLength)
    }
    @inlinable public var targetHardwareAddress: UnsafeRawBufferPointer {
        bytes.slice(from: targetHardwareOffset, length: hardwareLength)
    }
    @inlinable public var targetProtocolAddress: UnsafeRawBufferPointer {
        bytes.slice(from: targetProtocolOffset, length: protocolLength)
    }

    /// The sender MAC address, when hardware addresses are 6 bytes.
    @inlinable public var senderMAC: MACAddress? {
        hardwareLength == 6 ? MACAddress(reading: bytes, at: Field.senderHardwareAddress) : nil
    }
    /// The sender IPv4 address, when protocol addresses are IPv4 (0x0800, 4 bytes).
    @inlinable public var senderIPv4: IPv4Address? {
        hasIPv4Addresses ? IPv4Address(reading: bytes, at: senderProtocolOffset) : nil
    }
    @inlinable public var targetMAC: MACAddress? {
        hardwareLength == 6 ? MACAddress(reading: bytes, at: targetHardwareOffset) : nil
    }
    @inlinable public var targetIPv4: IPv4Address? {
        hasIPv4Addresses ? IPv4Address(reading: bytes, at: targetProtocolOffset) : nil
    }

    @inlinable var hasIPv4Addresses: Bool { protocolLength == 4 && protocolType == .ipv4 }

    /// A gratuitous ARP announces the sender's own address: sender IP equals target IP
    /// (RFC 5227 §3). Both requests and replies are used for it.
    @inlinable public var isGratuitous: Bool {
        guard let sender = senderIPv4, let target = targetIPv4 else { return false }
        return sender == target
    }
}

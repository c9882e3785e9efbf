/// An owned Ethernet/IPv4 ARP packet (RFC 826): hardware type 1, protocol 0x0800,
/// sizes 6 and 4. Other address sizes are read through `ARPView` only.
public struct ARPHeader: Hashable, Sendable {
    public var hardwareType: UInt16
    public var operation: ARPOperation
    public var senderMAC: MACAddress
    public var senderIPv4: IPv4Address
    public var targetMAC: MACAddress
    public var targetIPv4: IPv4Address

    @inlinable public var protocolType: EtherType { .ipv4 }

    @inlinable
    public init(hardwareType: UInt16 = 1, operation: ARPOperation, senderMAC: MACAddress,
                senderIPv4: IPv4Address, targetMAC: MACAddress, targetIPv4: IPv4Address) {
        self.hardwareType = hardwareType
        self.operation = operation
        self.senderMAC = senderMAC
        self.senderIPv4 = senderIPv4
        self.targetMAC = targetMAC
        self.targetIPv4 = targetIPv4
    }

    /// Fails with `.invalidField` unless the view is the Ethernet/IPv4 form.
    @inlinable
    public init(parsing view: ARPView) throws(WireError) {
        guard view.isEthernetIPv4, let senderMAC = view.senderMAC, let senderIPv4 = view.senderIPv4,
              let targetMAC = view.targetMAC, let targetIPv4 = view.targetIPv4 else {
            throw WireError(.arp, at: ARPView.Field.hardwareLength, .invalidField("ARP address sizes"))
        }
        self.init(hardwareType: view.hardwareType, operation: view.operation, senderMAC: senderMAC,
                  senderIPv4: senderIPv4, targetMAC: targetMAC, targetIPv4: targetIPv4)
    }

    /// 8 fixed bytes plus two 6-byte and two 4-byte addresses.
    @inlinable public var byteCount: Int { ARPView.Field.ethernetIPv4End }

    @inlinable
    public func emit(into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= byteCount, "ARP packet needs \(byteCount) bytes")
        typealias F = ARPView.Field
        buffer.setU16(hardwareType, at: F.hardwareType)
        buffer.setU16(protocolType.rawValue, at: F.protocolType)
        buffer.setU8(6, at: F.hardwareLength)
        buffer.setU8(4, at: F.protocolLength)
        buffer.setU16(operation.rawValue, at: F.operation)
        senderMAC.write(into: buffer, at: F.senderHardwareAddress)
        senderIPv4.write(into: buffer, at: F.ethernetIPv4SenderProtocolAddress)
        targetMAC.write(into: buffer, at: F.ethernetIPv4TargetHardwareAddress)
        targetIPv4.write(into: buffer, at: F.ethernetIPv4TargetProtocolAddress)
    }
}

/// An owned Linux cooked-capture v2 header (LINKTYPE_LINUX_SLL2), for writing captures.
public struct LinuxSLL2Header: Hashable, Sendable {
    public var protocolType: EtherType
    public var interfaceIndex: UInt32
    public var arphrdType: UInt16
    public var packetType: LinuxPacketType
    /// The link-layer address; `nil` writes a zero length and zero bytes.
    public var address: MACAddress?

    @inlinable
    public init(protocolType: EtherType, interfaceIndex: UInt32, arphrdType: UInt16 = 1,
                packetType: LinuxPacketType, address: MACAddress?) {
        self.protocolType = protocolType
        self.interfaceIndex = interfaceIndex
        self.arphrdType = arphrdType
        self.packetType = packetType
        self.address = address
    }

    /// Lossy for addresses that are not 6 bytes long: they become `nil`.
    @inlinable
    public init(parsing view: LinuxSLL2View) {
        self.init(protocolType: view.protocolType, interfaceIndex: view.interfaceIndex,
                  arphrdType: view.arphrdType, packetType: view.packetKind, address: view.address)
    }

    @inlinable public var byteCount: Int { LinuxSLL2View.headerLength }

    @inlinable
    public func emit(into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= byteCount, "SLL2 header needs \(byteCount) bytes")
        typealias F = LinuxSLL2View.Field
        buffer.setU16(protocolType.rawValue, at: F.protocolType)
        buffer.setU16(0, at: F.reserved)
        buffer.setU32(interfaceIndex, at: F.interfaceIndex)
        buffer.setU16(arphrdType, at: F.arphrdType)
        buffer.setU8(UInt8(truncatingIfNeeded: packetType.rawValue), at: F.packetType)
        buffer.setU8(address == nil ? 0 : 6, at: F.addressLength)
        buffer.setU64(0, at: F.address)
        address?.write(into: buffer, at: F.address)
    }
}

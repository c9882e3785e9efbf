/// An owned Linux cooked-capture v1 header (LINKTYPE_LINUX_SLL), for writing captures.
public struct LinuxSLLHeader: Hashable, Sendable {
    public var packetType: LinuxPacketType
    public var arphrdType: UInt16
    /// The link-layer address; `nil` writes a zero length and zero bytes.
    public var address: MACAddress?
    public var protocolType: EtherType

    @inlinable
    public init(packetType: LinuxPacketType, arphrdType: UInt16 = 1, address: MACAddress?,
                protocolType: EtherType) {
        self.packetType = packetType
        self.arphrdType = arphrdType
        self.address = address
        self.protocolType = protocolType
    }

    /// Lossy for addresses that are not 6 bytes long: they become `nil`.
    @inlinable
    public init(parsing view: LinuxSLLView) {
        self.init(packetType: view.packetKind, arphrdType: view.arphrdType, address: view.address,
                  protocolType: view.protocolType)
    }

    @inlinable public var byteCount: Int { LinuxSLLView.headerLength }

    @inlinable
    public func emit(into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= byteCount, "SLL header needs \(byteCount) bytes")
        typealias F = LinuxSLLView.Field
        buffer.setU16(packetType.rawValue, at: F.packetType)
        buffer.setU16(arphrdType, at: F.arphrdType)
        buffer.setU16(address == nil ? 0 : 6, at: F.addressLength)
        buffer.setU64(0, at: F.address)
        address?.write(into: buffer, at: F.address)
        buffer.setU16(protocolType.rawValue, at: F.protocolType)
    }
}

/// An owned Ethernet II header (IEEE 802.3, RFC 894), for emitting frames.
public struct EthernetHeader: Hashable, Sendable {
    public var destination: MACAddress
    public var source: MACAddress
    public var etherType: EtherType

    @inlinable
    public init(destination: MACAddress, source: MACAddress, etherType: EtherType) {
        self.destination = destination
        self.source = source
        self.etherType = etherType
    }

    @inlinable
    public init(parsing view: EthernetView) {
        self.init(destination: view.destination, source: view.source, etherType: view.etherType)
    }

    @inlinable public var byteCount: Int { EthernetView.headerLength }

    /// Writes the 14 header bytes at the start of `buffer`.
    @inlinable
    public func emit(into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= byteCount, "Ethernet header needs \(byteCount) bytes")
        destination.write(into: buffer, at: EthernetView.Field.destination)
        source.write(into: buffer, at: EthernetView.Field.source)
        buffer.setU16(etherType.rawValue, at: EthernetView.Field.etherType)
    }
}

/// An owned UDP header (RFC 768).
public struct UDPHeader: Hashable, Sendable {
    public var sourcePort: UInt16
    public var destinationPort: UInt16
    /// Header plus data, in bytes.
    public var length: UInt16
    public var checksum: UInt16

    @inlinable
    public init(sourcePort: UInt16, destinationPort: UInt16, length: UInt16, checksum: UInt16 = 0) {
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
        self.length = length
        self.checksum = checksum
    }

    @inlinable
    public init(sourcePort: UInt16, destinationPort: UInt16, payloadLength: Int, checksum: UInt16 = 0) {
        self.init(sourcePort: sourcePort, destinationPort: destinationPort,
                  length: UInt16(truncatingIfNeeded: UDPView.headerLength + payloadLength), checksum: checksum)
    }

    @inlinable
    public init(parsing view: UDPView) {
        self.init(sourcePort: view.sourcePort, destinationPort: view.destinationPort, length: view.length,
                  checksum: view.checksum)
    }

    @inlinable public var byteCount: Int { UDPView.headerLength }

    /// Writes the header with the stored checksum; see `InternetChecksum.fillUDP`.
    @inlinable
    public func emit(into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= byteCount, "UDP header needs \(byteCount) bytes")
        buffer.setU16(sourcePort, at: UDPView.Field.sourcePort)
        buffer.setU16(destinationPort, at: UDPView.Field.destinationPort)
        buffer.setU16(length, at: UDPView.Field.length)
        buffer.setU16(checksum, at: UDPView.Field.checksum)
    }
}

/// An owned GRE header (RFC 2784 / RFC 2890; version 1 per RFC 2637). RFC 1701
/// routing entries are not kept: parsing a header that has them is lossy.
public struct GREHeader: Hashable, Sendable {
    public var version: UInt8
    public var protocolType: EtherType
    /// Present when the C bit is set; emitted as given (see `InternetChecksum.fillGRE`).
    public var checksum: UInt16?
    public var key: UInt32?
    public var sequenceNumber: UInt32?
    /// Version 1 only.
    public var acknowledgmentNumber: UInt32?

    @inlinable
    public init(protocolType: EtherType, checksum: UInt16? = nil, key: UInt32? = nil,
                sequenceNumber: UInt32? = nil, version: UInt8 = 0, acknowledgmentNumber: UInt32? = nil) {
        self.version = version
        self.protocolType = protocolType
        self.checksum = checksum
        self.key = key
        self.sequenceNumber = sequenceNumber
        self.acknowledgmentNumber = acknowledgmentNumber
    }

    @inlinable
    public init(parsing view: GREView) {
        self.init(protocolType: view.protocolType, checksum: view.checksum, key: view.key,
                  sequenceNumber: view.sequenceNumber, version: view.version,
                  acknowledgmentNumber: view.acknowledgmentNumber)
    }

    @inlinable var flagsAndVersion: UInt16 {
        var word = UInt16(version) & GREView.Flag.versionMask
        if checksum != nil { word |= GREView.Flag.checksum }
        if key != nil { word |= GREView.Flag.key }
        if sequenceNumber != nil { word |= GREView.Flag.sequence }
        if version == 1, acknowledgmentNumber != nil { word |= GREView.Flag.acknowledgment }
        return word
    }

    @inlinable public var byteCount: Int { GREView.routingOffset(flagsAndVersion) }

    @inlinable
    public func emit(into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= byteCount, "GRE header needs \(byteCount) bytes")
        let word = flagsAndVersion
        buffer.setU16(word, at: GREView.Field.flagsAndVersion)
        buffer.setU16(protocolType.rawValue, at: GREView.Field.protocolType)
        if let checksum {
            buffer.setU16(checksum, at: GREView.Field.checksum)
            buffer.setU16(0, at: GREView.Field.reserved1)
        }
        if let key { buffer.setU32(key, at: GREView.keyOffset(word)) }
        if let sequenceNumber { buffer.setU32(sequenceNumber, at: GREView.sequenceOffset(word)) }
        if version == 1, let acknowledgmentNumber {
            buffer.setU32(acknowledgmentNumber, at: GREView.acknowledgmentOffset(word))
        }
    }
}

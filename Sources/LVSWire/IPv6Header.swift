/// An owned IPv6 fixed header (RFC 8200 §3). Extension headers are payload here.
public struct IPv6Header: Hashable, Sendable {
    public var trafficClass: UInt8
    /// 20 bits; higher bits are ignored on emit.
    public var flowLabel: UInt32
    public var payloadLength: UInt16
    public var nextHeader: IPProtocol
    public var hopLimit: UInt8
    public var source: IPv6Address
    public var destination: IPv6Address

    @inlinable
    public init(source: IPv6Address, destination: IPv6Address, nextHeader: IPProtocol,
                payloadLength: UInt16, hopLimit: UInt8 = 64, trafficClass: UInt8 = 0, flowLabel: UInt32 = 0) {
        self.trafficClass = trafficClass
        self.flowLabel = flowLabel
        self.payloadLength = payloadLength
        self.nextHeader = nextHeader
        self.hopLimit = hopLimit
        self.source = source
        self.destination = destination
    }

    @inlinable
    public init(parsing view: IPv6View) {
        self.init(source: view.source, destination: view.destination, nextHeader: view.nextHeader,
                  payloadLength: view.payloadLength, hopLimit: view.hopLimit,
                  trafficClass: view.trafficClass, flowLabel: view.flowLabel)
    }

    @inlinable public var byteCount: Int { IPv6View.headerLength }

    @inlinable
    public func emit(into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= byteCount, "IPv6 header needs \(byteCount) bytes")
        typealias F = IPv6View.Field
        buffer.setU32(6 << 28 | UInt32(trafficClass) << 20 | flowLabel & 0xF_FFFF, at: F.versionClassAndFlow)
        buffer.setU16(payloadLength, at: F.payloadLength)
        buffer.setU8(nextHeader.rawValue, at: F.nextHeader)
        buffer.setU8(hopLimit, at: F.hopLimit)
        source.write(into: buffer, at: F.source)
        destination.write(into: buffer, at: F.destination)
    }
}

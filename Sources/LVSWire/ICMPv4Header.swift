/// An owned ICMP header (RFC 792): the fixed 8 bytes; the data is the caller's.
public struct ICMPv4Header: Hashable, Sendable {
    public var type: ICMPv4Type
    public var code: UInt8
    public var checksum: UInt16
    /// The four type-specific bytes (identifier and sequence, MTU, pointer, gateway).
    public var restOfHeader: UInt32

    @inlinable
    public init(type: ICMPv4Type, code: UInt8, checksum: UInt16 = 0, restOfHeader: UInt32 = 0) {
        self.type = type
        self.code = code
        self.checksum = checksum
        self.restOfHeader = restOfHeader
    }

    @inlinable
    public init(parsing view: ICMPv4View) {
        self.init(type: view.type, code: view.code, checksum: view.checksum, restOfHeader: view.restOfHeader)
    }

    @inlinable
    public static func echoRequest(identifier: UInt16, sequence: UInt16) -> ICMPv4Header {
        ICMPv4Header(type: .echoRequest, code: 0, restOfHeader: UInt32(identifier) << 16 | UInt32(sequence))
    }

    @inlinable
    public static func echoReply(identifier: UInt16, sequence: UInt16) -> ICMPv4Header {
        ICMPv4Header(type: .echoReply, code: 0, restOfHeader: UInt32(identifier) << 16 | UInt32(sequence))
    }

    /// "Fragmentation needed and DF set" with the next-hop MTU (RFC 1191).
    @inlinable
    public static func fragmentationNeeded(mtu: UInt16) -> ICMPv4Header {
        ICMPv4Header(type: .destinationUnreachable, code: ICMPv4UnreachableCode.fragmentationNeeded,
                     restOfHeader: UInt32(mtu))
    }

    @inlinable public var byteCount: Int { ICMPv4View.headerLength }

    /// Writes the header with the stored checksum; see `InternetChecksum.fillICMPv4`.
    @inlinable
    public func emit(into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= byteCount, "ICMP header needs \(byteCount) bytes")
        buffer.setU8(type.rawValue, at: ICMPv4View.Field.type)
        buffer.setU8(code, at: ICMPv4View.Field.code)
        buffer.setU16(checksum, at: ICMPv4View.Field.checksum)
        buffer.setU32(restOfHeader, at: ICMPv4View.Field.restOfHeader)
    }
}

/// An owned ICMPv6 header (RFC 4443 §2.1): the fixed 8 bytes; the body is the caller's.
public struct ICMPv6Header: Hashable, Sendable {
    public var type: ICMPv6Type
    public var code: UInt8
    public var checksum: UInt16
    /// The four type-specific bytes (MTU, pointer, identifier and sequence, NA flags).
    public var restOfHeader: UInt32

    @inlinable
    public init(type: ICMPv6Type, code: UInt8, checksum: UInt16 = 0, restOfHeader: UInt32 = 0) {
        self.type = type
        self.code = code
        self.checksum = checksum
        self.restOfHeader = restOfHeader
    }

    @inlinable
    public init(parsing view: ICMPv6View) {
        self.init(type: view.type, code: view.code, checksum: view.checksum, restOfHeader: view.restOfHeader)
    }

    @inlinable
    public static func echoRequest(identifier: UInt16, sequence: UInt16) -> ICMPv6Header {
        ICMPv6Header(type: .echoRequest, code: 0, restOfHeader: UInt32(identifier) << 16 | UInt32(sequence))
    }

    @inlinable
    public static func echoReply(identifier: UInt16, sequence: UInt16) -> ICMPv6Header {
        ICMPv6Header(type: .echoReply, code: 0, restOfHeader: UInt32(identifier) << 16 | UInt32(sequence))
    }

    @inlinable
    public static func packetTooBig(mtu: UInt32) -> ICMPv6Header {
        ICMPv6Header(type: .packetTooBig, code: 0, restOfHeader: mtu)
    }

    @inlinable public var byteCount: Int { ICMPv6View.headerLength }

    /// Writes the header with the stored checksum; see `InternetChecksum.fillICMPv6`.
    @inlinable
    public func emit(into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= byteCount, "ICMPv6 header needs \(byteCount) bytes")
        buffer.setU8(type.rawValue, at: ICMPv6View.Field.type)
        buffer.setU8(code, at: ICMPv6View.Field.code)
        buffer.setU16(checksum, at: ICMPv6View.Field.checksum)
        buffer.setU32(restOfHeader, at: ICMPv6View.Field.restOfHeader)
    }
}

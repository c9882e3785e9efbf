/// One TCP option (RFC 9293 §3.2 and the IANA "TCP Option Kind Numbers").
///
/// Options of a known kind but an unexpected length, and options of other kinds, are
/// `.unknown` with their kind and length byte; their bytes can be read through
/// `TCPOptions.currentOption` during iteration.
public enum TCPOption: Hashable, Sendable {
    /// Kind 0: end of the option list; what follows is padding.
    case endOfList
    /// Kind 1: padding between options.
    case noOperation
    /// Kind 2, length 4 (RFC 9293 §3.7.1).
    case maximumSegmentSize(UInt16)
    /// Kind 3, length 3: the shift count (RFC 7323 §2).
    case windowScale(UInt8)
    /// Kind 4, length 2 (RFC 2018).
    case sackPermitted
    /// Kind 5, length 2 + 8n for n = 1...4 (RFC 2018).
    case sack(SACKBlocks)
    /// Kind 8, length 10: TSval and TSecr (RFC 7323 §3).
    case timestamps(value: UInt32, echo: UInt32)
    /// Kinds 254, 253, 200, 252 with length 8 or 20: a TOA client address.
    case clientAddress(TOAOption)
    /// Any other option, or a known kind with a length it cannot have.
    case unknown(kind: UInt8, length: UInt8)

    /// IANA option kind numbers used here.
    public enum Kind {
        @inlinable public static var endOfList: UInt8 { 0 }
        @inlinable public static var noOperation: UInt8 { 1 }
        @inlinable public static var maximumSegmentSize: UInt8 { 2 }
        @inlinable public static var windowScale: UInt8 { 3 }
        @inlinable public static var sackPermitted: UInt8 { 4 }
        @inlinable public static var sack: UInt8 { 5 }
        @inlinable public static var timestamps: UInt8 { 8 }
    }

    /// The option's kind byte.
    @inlinable public var kind: UInt8 {
        switch self {
        case .endOfList: Kind.endOfList
        case .noOperation: Kind.noOperation
        case .maximumSegmentSize: Kind.maximumSegmentSize
        case .windowScale: Kind.windowScale
        case .sackPermitted: Kind.sackPermitted
        case .sack: Kind.sack
        case .timestamps: Kind.timestamps
        case let .clientAddress(toa): toa.kind
        case let .unknown(kind, _): kind
        }
    }

    /// The bytes the option occupies on the wire.
    @inlinable public var encodedLength: Int {
        switch self {
        case .endOfList, .noOperation: 1
        case .maximumSegmentSize: 4
        case .windowScale: 3
        case .sackPermitted: 2
        case let .sack(blocks): 2 + 8 * blocks.count
        case .timestamps: 10
        case let .clientAddress(toa): Int(toa.length)
        case let .unknown(_, length): Swift.max(Int(length), 2)
        }
    }

    /// Writes the option at `offset`. An `.unknown` option is written with zero data.
    public func encode(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        precondition(offset + encodedLength <= buffer.count, "TCP option does not fit")
        buffer.setU8(kind, at: offset)
        guard encodedLength > 1 else { return }
        buffer.setU8(UInt8(encodedLength), at: offset + 1)
        let data = offset + 2
        switch self {
        case .endOfList, .noOperation, .sackPermitted: break
        case let .maximumSegmentSize(mss): buffer.setU16(mss, at: data)
        case let .windowScale(shift): buffer.setU8(shift, at: data)
        case let .sack(blocks):
            for (index, block) in blocks.enumerated() {
                buffer.setU32(block.left, at: data + 8 * index)
                buffer.setU32(block.right, at: data + 8 * index + 4)
            }
        case let .timestamps(value, echo):
            buffer.setU32(value, at: data)
            buffer.setU32(echo, at: data + 4)
        case let .clientAddress(toa):
            buffer.setU16(toa.port, at: data)
            switch toa.address {
            case let .v4(address): address.write(into: buffer, at: data + 2)
            case let .v6(address): address.write(into: buffer, at: data + 2)
            }
        case .unknown:
            for index in data..<(offset + encodedLength) { buffer.setU8(0, at: index) }
        }
    }
}

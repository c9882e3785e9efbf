/// A borrowed ICMPv6 message (RFC 4443), with the neighbour-discovery fields of
/// RFC 4861 that LVS diagnosis needs (who claims an address, from which MAC).
public struct ICMPv6View {
    /// Byte offsets of the header and of the neighbour-discovery bodies.
    public enum Field {
        @inlinable public static var type: Int { 0 }
        @inlinable public static var code: Int { 1 }
        @inlinable public static var checksum: Int { 2 }
        @inlinable public static var restOfHeader: Int { 4 }
        @inlinable public static var identifier: Int { 4 }
        @inlinable public static var sequence: Int { 6 }
        /// Packet too big: the 32-bit MTU; parameter problem: the 32-bit pointer.
        @inlinable public static var mtu: Int { 4 }
        @inlinable public static var pointer: Int { 4 }
        /// Neighbour advertisement flags R, S, O in the top bits.
        @inlinable public static var advertisementFlags: Int { 4 }
        @inlinable public static var data: Int { 8 }
        /// NS, NA and redirect: the target address.
        @inlinable public static var ndTarget: Int { 8 }
        /// Options start after the target in NS and NA.
        @inlinable public static var ndTargetEnd: Int { 24 }
        @inlinable public static var routerSolicitationOptions: Int { 8 }
        @inlinable public static var routerAdvertisementOptions: Int { 16 }
        /// Redirect: target then destination address, then options.
        @inlinable public static var redirectOptions: Int { 40 }
    }

    /// Neighbour-discovery option types (RFC 4861 §4.6.1).
    public enum NDOption {
        @inlinable public static var sourceLinkLayerAddress: UInt8 { 1 }
        @inlinable public static var targetLinkLayerAddress: UInt8 { 2 }
    }

    @inlinable public static var headerLength: Int { Field.data }

    /// The message: pass the upper-layer bytes of the IPv6 packet.
    public let bytes: UnsafeRawBufferPointer

    @inlinable
    public init(checking bytes: UnsafeRawBufferPointer) throws(WireError) {
        try WireError.require(Field.data, in: bytes, layer: .icmpv6)
        self.bytes = bytes
    }

    @inlinable public var type: ICMPv6Type { ICMPv6Type(rawValue: bytes.u8(at: Field.type)) }
    @inlinable public var code: UInt8 { bytes.u8(at: Field.code) }
    @inlinable public var checksum: UInt16 { bytes.u16(at: Field.checksum) }
    @inlinable public var restOfHeader: UInt32 { bytes.u32(at: Field.restOfHeader) }
    @inlinable public var identifier: UInt16 { bytes.u16(at: Field.identifier) }
    @inlinable public var sequence: UInt16 { bytes.u16(at: Field.sequence) }
    /// Packet too big (type 2): the MTU of the next-hop link.
    @inlinable public var mtu: UInt32 { bytes.u32(at: Field.mtu) }
    /// Parameter problem (type 4): offset of the error in the quoted packet.
    @inlinable public var pointer: UInt32 { bytes.u32(at: Field.pointer) }

    @inlinable public var isError: Bool { type.isError }
    @inlinable public var headerLength: Int { Field.data }
    @inlinable public var payload: UnsafeRawBufferPointer { bytes.suffix(from: Field.data) }
    /// For error messages, the quoted packet (as much of it as fits the minimum MTU).
    @inlinable public var quotedPacket: UnsafeRawBufferPointer {
        isError ? payload : UnsafeRawBufferPointer(start: nil, count: 0)
    }

    /// NA flags: sender is a router, reply to a solicitation, override the cache entry.
    @inlinable public var isRouterFlag: Bool { type == .neighborAdvertisement && restOfHeader & 0x8000_0000 != 0 }
    @inlinable public var isSolicitedFlag: Bool { type == .neighborAdvertisement && restOfHeader & 0x4000_0000 != 0 }
    @inlinable public var isOverrideFlag: Bool { type == .neighborAdvertisement && restOfHeader & 0x2000_0000 != 0 }

    /// The target address of a neighbour solicitation, advertisement or redirect.
    @inlinable public var ndTargetAddress: IPv6Address? {
        switch type {
        case .neighborSolicitation, .neighborAdvertisement, .redirect:
            bytes.count >= Field.ndTargetEnd ? IPv6Address(reading: bytes, at: Field.ndTarget) : nil
        default: nil
        }
    }

    /// Where the options of a neighbour-discovery message start, if it is one.
    @inlinable public var ndOptionsOffset: Int? {
        switch type {
        case .routerSolicitation: Field.routerSolicitationOptions
        case .routerAdvertisement: Field.routerAdvertisementOptions
        case .neighborSolicitation, .neighborAdvertisement: Field.ndTargetEnd
        case .redirect: Field.redirectOptions
        default: nil
        }
    }

    /// The source link-layer address option (NS, RS, RA) when it holds a MAC address.
    @inlinable public var sourceLinkLayerAddress: MACAddress? { linkLayerAddress(NDOption.sourceLinkLayerAddress) }
    /// The target link-layer address option (NA, redirect) when it holds a MAC address.
    @inlinable public var targetLinkLayerAddress: MACAddress? { linkLayerAddress(NDOption.targetLinkLayerAddress) }

    /// Walks the ND options (type, length in 8-byte units); stops at a zero length or at
    /// an option that runs past the buffer (RFC 4861 §4.6: such a message is invalid).
    @inlinable
    func linkLayerAddress(_ optionType: UInt8) -> MACAddress? {
        guard var offset = ndOptionsOffset else { return nil }
        while offset + 2 <= bytes.count {
            let length = Int(bytes.u8(at: offset + 1)) * 8
            guard length > 0, offset + length <= bytes.count else { return nil }
            // An Ethernet address option is exactly one unit: type, length, 6 bytes.
            if bytes.u8(at: offset) == optionType, length == 8 {
                return MACAddress(reading: bytes, at: offset + 2)
            }
            offset += length
        }
        return nil
    }
}

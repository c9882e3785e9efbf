/// An ICMPv6 message type (RFC 4443; RFC 4861 for neighbour discovery; IANA "ICMPv6
/// Parameters"). Open: any value is representable. Types below 128 are errors.
public struct ICMPv6Type: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    @inlinable public static var destinationUnreachable: ICMPv6Type { ICMPv6Type(rawValue: 1) }
    @inlinable public static var packetTooBig: ICMPv6Type { ICMPv6Type(rawValue: 2) }
    @inlinable public static var timeExceeded: ICMPv6Type { ICMPv6Type(rawValue: 3) }
    @inlinable public static var parameterProblem: ICMPv6Type { ICMPv6Type(rawValue: 4) }
    @inlinable public static var echoRequest: ICMPv6Type { ICMPv6Type(rawValue: 128) }
    @inlinable public static var echoReply: ICMPv6Type { ICMPv6Type(rawValue: 129) }
    @inlinable public static var routerSolicitation: ICMPv6Type { ICMPv6Type(rawValue: 133) }
    @inlinable public static var routerAdvertisement: ICMPv6Type { ICMPv6Type(rawValue: 134) }
    @inlinable public static var neighborSolicitation: ICMPv6Type { ICMPv6Type(rawValue: 135) }
    @inlinable public static var neighborAdvertisement: ICMPv6Type { ICMPv6Type(rawValue: 136) }
    @inlinable public static var redirect: ICMPv6Type { ICMPv6Type(rawValue: 137) }

    /// RFC 4443 §2.1: the high-order bit clear marks an error message.
    @inlinable public var isError: Bool { rawValue < 128 }
    @inlinable public var isEcho: Bool { rawValue == 128 || rawValue == 129 }
    /// Neighbour discovery messages (RFC 4861 §4): 133 to 137.
    @inlinable public var isNeighborDiscovery: Bool { (133...137).contains(rawValue) }

    public var description: String {
        switch rawValue {
        case 1: "unreachable"
        case 2: "packet-too-big"
        case 3: "time-exceeded"
        case 4: "parameter-problem"
        case 128: "echo-request"
        case 129: "echo-reply"
        case 133: "router-solicitation"
        case 134: "router-advertisement"
        case 135: "neighbor-solicitation"
        case 136: "neighbor-advertisement"
        case 137: "redirect"
        default: "icmpv6-type-\(rawValue)"
        }
    }
}

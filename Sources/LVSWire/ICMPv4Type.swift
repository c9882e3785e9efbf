/// An ICMP message type (RFC 792; IANA "ICMP Type Numbers"). Open: any value is
/// representable.
public struct ICMPv4Type: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    @inlinable public static var echoReply: ICMPv4Type { ICMPv4Type(rawValue: 0) }
    @inlinable public static var destinationUnreachable: ICMPv4Type { ICMPv4Type(rawValue: 3) }
    /// Deprecated by RFC 6633 but still seen.
    @inlinable public static var sourceQuench: ICMPv4Type { ICMPv4Type(rawValue: 4) }
    @inlinable public static var redirect: ICMPv4Type { ICMPv4Type(rawValue: 5) }
    @inlinable public static var echoRequest: ICMPv4Type { ICMPv4Type(rawValue: 8) }
    /// RFC 1256.
    @inlinable public static var routerAdvertisement: ICMPv4Type { ICMPv4Type(rawValue: 9) }
    /// RFC 1256.
    @inlinable public static var routerSolicitation: ICMPv4Type { ICMPv4Type(rawValue: 10) }
    @inlinable public static var timeExceeded: ICMPv4Type { ICMPv4Type(rawValue: 11) }
    @inlinable public static var parameterProblem: ICMPv4Type { ICMPv4Type(rawValue: 12) }
    @inlinable public static var timestamp: ICMPv4Type { ICMPv4Type(rawValue: 13) }
    @inlinable public static var timestampReply: ICMPv4Type { ICMPv4Type(rawValue: 14) }

    /// Error messages quote the offending packet's IP header and first 8 data bytes (or
    /// more, RFC 1812 §4.3.2.3) after the 8-byte ICMP header.
    @inlinable public var isError: Bool {
        switch rawValue {
        case 3, 4, 5, 11, 12: true
        default: false
        }
    }

    @inlinable public var isEcho: Bool { rawValue == 0 || rawValue == 8 }

    public var description: String {
        switch rawValue {
        case 0: "echo-reply"
        case 3: "unreachable"
        case 4: "source-quench"
        case 5: "redirect"
        case 8: "echo-request"
        case 9: "router-advertisement"
        case 10: "router-solicitation"
        case 11: "time-exceeded"
        case 12: "parameter-problem"
        case 13: "timestamp"
        case 14: "timestamp-reply"
        default: "icmp-type-\(rawValue)"
        }
    }
}

/// Codes of ICMP destination unreachable (RFC 792, RFC 1122 §3.2.2.1, RFC 1812 §5.2.7.1).
public enum ICMPv4UnreachableCode {
    @inlinable public static var network: UInt8 { 0 }
    @inlinable public static var host: UInt8 { 1 }
    @inlinable public static var `protocol`: UInt8 { 2 }
    @inlinable public static var port: UInt8 { 3 }
    /// "Fragmentation needed and DF set": path MTU discovery (RFC 1191).
    @inlinable public static var fragmentationNeeded: UInt8 { 4 }
    @inlinable public static var sourceRouteFailed: UInt8 { 5 }
    @inlinable public static var administrativelyProhibited: UInt8 { 13 }
}

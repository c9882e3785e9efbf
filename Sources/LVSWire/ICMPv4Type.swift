/// An ICMP message type (RFC 792; IANA "ICMP Type Numbers"). Open: any value is
/// representable.
public struct ICMPv4Type: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let echoReply = ICMPv4Type(rawValue: 0)
    public static let destinationUnreachable = ICMPv4Type(rawValue: 3)
    /// Deprecated by RFC 6633 but still seen.
    public static let sourceQuench = ICMPv4Type(rawValue: 4)
    public static let redirect = ICMPv4Type(rawValue: 5)
    public static let echoRequest = ICMPv4Type(rawValue: 8)
    /// RFC 1256.
    public static let routerAdvertisement = ICMPv4Type(rawValue: 9)
    /// RFC 1256.
    public static let routerSolicitation = ICMPv4Type(rawValue: 10)
    public static let timeExceeded = ICMPv4Type(rawValue: 11)
    public static let parameterProblem = ICMPv4Type(rawValue: 12)
    public static let timestamp = ICMPv4Type(rawValue: 13)
    public static let timestampReply = ICMPv4Type(rawValue: 14)

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

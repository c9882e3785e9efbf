/// An ARP operation code (RFC 826 `ar$op`; IANA "ARP Operation Codes"). Open: any
/// value is representable.
public struct ARPOperation: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt16
    @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// RFC 826 `ares_op$REQUEST`.
    @inlinable public static var request: ARPOperation { ARPOperation(rawValue: 1) }
    /// RFC 826 `ares_op$REPLY`.
    @inlinable public static var reply: ARPOperation { ARPOperation(rawValue: 2) }
    /// RFC 903 reverse ARP request.
    @inlinable public static var reverseRequest: ARPOperation { ARPOperation(rawValue: 3) }
    /// RFC 903 reverse ARP reply.
    @inlinable public static var reverseReply: ARPOperation { ARPOperation(rawValue: 4) }

    public var description: String {
        switch rawValue {
        case 1: "request"
        case 2: "reply"
        case 3: "reverse-request"
        case 4: "reverse-reply"
        default: "op-\(rawValue)"
        }
    }
}

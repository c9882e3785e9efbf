/// An address of either IP family. IPv4 sorts before IPv6.
public enum IPAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    case v4(IPv4Address)
    case v6(IPv6Address)

    /// Parses either family's text form; `[…]` brackets are accepted around IPv6 only
    /// (RFC 3986 §3.2.2).
    public init?(_ text: some StringProtocol) {
        let body = Substring(text)
        if body.hasPrefix("["), body.hasSuffix("]") {
            guard let v6 = IPv6Address(body.dropFirst().dropLast()) else { return nil }
            self = .v6(v6)
        } else if let v4 = IPv4Address(body) {
            self = .v4(v4)
        } else if body.contains(":"), let v6 = IPv6Address(body) {
            self = .v6(v6)
        } else {
            return nil
        }
    }

    public var isIPv4: Bool {
        if case .v4 = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case let .v4(a): a.description
        case let .v6(a): a.description
        }
    }

    /// `address:port`, with brackets around IPv6 (RFC 5952 §6).
    public func withPort(_ port: UInt16) -> String {
        switch self {
        case let .v4(a): "\(a):\(port)"
        case let .v6(a): "[\(a)]:\(port)"
        }
    }

    public func isInSameNetwork(as other: IPAddress, prefixLength: Int) -> Bool {
        switch (self, other) {
        case let (.v4(a), .v4(b)): a.isInSameNetwork(as: b, prefixLength: prefixLength)
        case let (.v6(a), .v6(b)): a.isInSameNetwork(as: b, prefixLength: prefixLength)
        default: false
        }
    }

    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        switch (lhs, rhs) {
        case let (.v4(a), .v4(b)): a < b
        case let (.v6(a), .v6(b)): a < b
        case (.v4, .v6): true
        case (.v6, .v4): false
        }
    }
}

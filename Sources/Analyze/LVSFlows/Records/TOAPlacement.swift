/// Where TOA options were found: the SYN, the ACK that completes the handshake (the one
/// the real server's TOA module reads), or other packets.
public struct TOAPlacement: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let syn = TOAPlacement(rawValue: 1)
    public static let handshakeACK = TOAPlacement(rawValue: 2)
    public static let other = TOAPlacement(rawValue: 4)

    /// `syn+ack+other` style.
    public var description: String {
        var parts: [String] = []
        if contains(.syn) { parts.append("syn") }
        if contains(.handshakeACK) { parts.append("ack") }
        if contains(.other) { parts.append("other") }
        return parts.joined(separator: "+")
    }
}

/// The tunnel settings of a `.tunnel` destination (kernel `tun_type`, `tun_port`,
/// `tun_flags`). The combinations ipvsadm and keepalived accept: ipip takes neither a
/// port nor a checksum option; gue needs a port; gre takes no port and no remcsum.
public struct TunnelOptions: Hashable, Sendable, Codable {
    public var type: TunnelType
    /// Destination UDP port of the GUE encapsulation; nil for ipip and gre.
    public var port: UInt16?
    public var checksum: TunnelChecksum

    /// Plain IP-in-IP, what `-i` alone configures.
    public static let ipip = TunnelOptions(type: .ipip, port: nil, checksum: .none)

    public init(type: TunnelType, port: UInt16? = nil, checksum: TunnelChecksum = .none) {
        self.type = type
        self.port = port
        self.checksum = checksum
    }

    /// Why this combination is invalid, or nil when it is one ipvsadm accepts.
    public var problem: String? {
        switch type {
        case .ipip:
            if port != nil { return "ipip tunnels take no port" }
            if checksum != .none { return "ipip tunnels take no checksum option" }
        case .gue:
            if port == nil { return "gue tunnels need a port" }
        case .gre:
            if port != nil { return "gre tunnels take no port" }
            if checksum == .remoteChecksum { return "gre tunnels do not support remcsum" }
        }
        return nil
    }
}

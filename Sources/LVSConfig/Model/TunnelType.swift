/// The encapsulation of a tunnelled destination (`IP_VS_CONN_F_TUNNEL_TYPE_*`,
/// ipvsadm `--tun-type`, keepalived `lvs_method TUN type ...`). GUE needs Linux 5.2,
/// GRE Linux 5.3.
public enum TunnelType: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// IP-in-IP (RFC 2003) or IPv6 encapsulation, the default (type 0).
    case ipip
    /// Generic UDP Encapsulation to `--tun-port` (type 1).
    case gue
    /// GRE, RFC 2784 (type 2).
    case gre

    public var description: String { rawValue }
}

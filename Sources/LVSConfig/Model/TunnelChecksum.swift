/// Checksum handling of a GUE or GRE tunnel (`IP_VS_TUNNEL_ENCAP_FLAG_*`): ipvsadm
/// `--tun-nocsum`, `--tun-csum`, `--tun-remcsum`; keepalived `nocsum`, `csum`, `remcsum`.
public enum TunnelChecksum: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// `IP_VS_TUNNEL_ENCAP_FLAG_NOCSUM` (0): no outer checksum, the default.
    case none = "nocsum"
    /// `IP_VS_TUNNEL_ENCAP_FLAG_CSUM`: UDP checksum (GUE) or GRE checksum.
    case checksum = "csum"
    /// `IP_VS_TUNNEL_ENCAP_FLAG_REMCSUM`: GUE remote checksum offload (not for GRE).
    case remoteChecksum = "remcsum"

    /// The ipvsadm option: `--tun-nocsum`, `--tun-csum`, `--tun-remcsum`.
    public var ipvsadmOption: String { "--tun-\(rawValue)" }

    public var description: String { rawValue }
}

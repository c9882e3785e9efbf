/// How the director hands a request to a real server (lvs-reference.md §2), stored per
/// destination in the kernel (`IP_VS_CONN_F_FWD_MASK` bits of `conn_flags`).
public enum ForwardingMode: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Masquerading: ipvsadm `-m`, keepalived `NAT`, kernel `IP_VS_CONN_F_MASQ`.
    case nat
    /// Direct routing: ipvsadm `-g` (the default), keepalived `DR`, `IP_VS_CONN_F_DROUTE`.
    case directRouting = "dr"
    /// IP tunnelling: ipvsadm `-i`, keepalived `TUN`, `IP_VS_CONN_F_TUNNEL`.
    case tunnel = "tun"
    /// Full NAT: DPVS/Alibaba ipvsadm `-b` on a real server, keepalived `FNAT`,
    /// DPVS `DPVS_FWD_MODE_FNAT`. Not in mainline Linux.
    case fullNAT = "fullnat"

    /// The name in the analysis JSON (DESIGN.md §4): `nat`, `dr`, `tun`, `fullnat`.
    public var jsonName: String { rawValue }

    /// The ipvsadm option that selects this mode on a real-server line.
    public var ipvsadmFlag: String {
        switch self {
        case .nat: "-m"
        case .directRouting: "-g"
        case .tunnel: "-i"
        case .fullNAT: "-b"
        }
    }

    /// The keepalived `lvs_method` word.
    public var keepalivedName: String {
        switch self {
        case .nat: "NAT"
        case .directRouting: "DR"
        case .tunnel: "TUN"
        case .fullNAT: "FNAT"
        }
    }

    /// Whether the real server's port is used on the wire. DR and TUN keep the
    /// destination port of the request, so ipvsadm forces it to the service port.
    public var mapsPorts: Bool { self == .nat || self == .fullNAT }

    /// Whether replies pass back through the director.
    public var repliesTraverseDirector: Bool { mapsPorts }

    public var description: String { rawValue }
}

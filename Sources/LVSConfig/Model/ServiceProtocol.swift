import LVSWire

/// The transport protocol of an address-based virtual service: ipvsadm `-t`, `-u`,
/// `--sctp-service`; keepalived `protocol TCP|UDP|SCTP`.
public enum ServiceProtocol: String, Hashable, Comparable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case tcp
    case udp
    case sctp

    /// The IP protocol number the kernel stores in the service (`IPPROTO_TCP` ...).
    public var ipProtocol: IPProtocol {
        switch self {
        case .tcp: .tcp
        case .udp: .udp
        case .sctp: .sctp
        }
    }

    /// The ipvsadm option that names a service of this protocol.
    public var ipvsadmOption: String {
        switch self {
        case .tcp: "-t"
        case .udp: "-u"
        case .sctp: "--sctp-service"
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: ServiceProtocol, rhs: ServiceProtocol) -> Bool {
        lhs.ipProtocol < rhs.ipProtocol
    }
}

/// The TCP states of an IPVS connection entry, numbered as `IP_VS_TCP_S_*`
/// (include/net/ip_vs.h); the names are the ones `ipvsadm -lnc` prints.
public enum IPVSTCPState: Int, Hashable, Comparable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case none = 0
    case established
    case synSent
    case synReceived
    case finWait
    case timeWait
    case close
    case closeWait
    case lastAck
    case listen
    case synAck

    /// `tcp_state_name_table` spelling: `ESTABLISHED`, `SYN_RECV`, ...
    public var kernelName: String {
        switch self {
        case .none: "NONE"
        case .established: "ESTABLISHED"
        case .synSent: "SYN_SENT"
        case .synReceived: "SYN_RECV"
        case .finWait: "FIN_WAIT"
        case .timeWait: "TIME_WAIT"
        case .close: "CLOSE"
        case .closeWait: "CLOSE_WAIT"
        case .lastAck: "LAST_ACK"
        case .listen: "LISTEN"
        case .synAck: "SYNACK"
        }
    }

    public var description: String { kernelName }

    public static func < (lhs: IPVSTCPState, rhs: IPVSTCPState) -> Bool { lhs.rawValue < rhs.rawValue }
}

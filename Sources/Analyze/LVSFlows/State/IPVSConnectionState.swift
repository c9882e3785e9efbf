/// The TCP states of an IPVS connection entry (`IP_VS_TCP_S_*`, include/net/ip_vs.h), which
/// choose the idle timeout after which lvscope ends a flow, as the director would forget
/// the connection. UDP and ICMP flows stay in `.none` and use their protocol's timeout.
public enum IPVSConnectionState: UInt8, Hashable, Sendable, CaseIterable, CustomStringConvertible {
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

    /// `tcp_state_name_table` spelling, as `ipvsadm -lnc` prints it.
    public var description: String {
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
}

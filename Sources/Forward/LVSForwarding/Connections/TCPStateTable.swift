import LVSConfig

/// The IPVS TCP state transition tables (`tcp_states[]` and, with `secure_tcp`,
/// `tcp_states_dos[]` in net/netfilter/ipvs/ip_vs_proto_tcp.c), as literal tables.
///
/// Rows are blocks INPUT (0), OUTPUT (4), INPUT-ONLY (8) plus the event (syn 0, fin 1,
/// ack 2, rst 3); columns are the current state in kernel order
/// sNO sES sSS sSR sFW sTW sCL sCW sLA sLI sSA.
public struct TCPStateTable: Sendable {
    private static let (sNO, sES, sSS, sSR, sFW, sTW, sCL, sCW, sLA, sLI, sSA): (
        IPVSTCPState, IPVSTCPState, IPVSTCPState, IPVSTCPState, IPVSTCPState, IPVSTCPState, IPVSTCPState,
        IPVSTCPState, IPVSTCPState, IPVSTCPState, IPVSTCPState
    ) = (.none, .established, .synSent, .synReceived, .finWait, .timeWait, .close, .closeWait, .lastAck, .listen, .synAck)

    /// `tcp_states[]`.
    static let normal: [[IPVSTCPState]] = [
        //        sNO, sES, sSS, sSR, sFW, sTW, sCL, sCW, sLA, sLI, sSA       INPUT
        /*syn*/ [sSR, sES, sES, sSR, sSR, sSR, sSR, sSR, sSR, sSR, sSR],
        /*fin*/ [sCL, sCW, sSS, sTW, sTW, sTW, sCL, sCW, sLA, sLI, sTW],
        /*ack*/ [sES, sES, sSS, sES, sFW, sTW, sCL, sCW, sCL, sLI, sES],
        /*rst*/ [sCL, sCL, sCL, sSR, sCL, sCL, sCL, sCL, sLA, sLI, sSR],
        //                                                                      OUTPUT
        /*syn*/ [sSS, sES, sSS, sSR, sSS, sSS, sSS, sSS, sSS, sLI, sSR],
        /*fin*/ [sTW, sFW, sSS, sTW, sFW, sTW, sCL, sTW, sLA, sLI, sTW],
        /*ack*/ [sES, sES, sSS, sES, sFW, sTW, sCL, sCW, sLA, sES, sES],
        /*rst*/ [sCL, sCL, sSS, sCL, sCL, sTW, sCL, sCL, sCL, sCL, sCL],
        //                                                                      INPUT-ONLY
        /*syn*/ [sSR, sES, sES, sSR, sSR, sSR, sSR, sSR, sSR, sSR, sSR],
        /*fin*/ [sCL, sFW, sSS, sTW, sFW, sTW, sCL, sCW, sLA, sLI, sTW],
        /*ack*/ [sES, sES, sSS, sES, sFW, sTW, sCL, sCW, sCL, sLI, sES],
        /*rst*/ [sCL, sCL, sCL, sSR, sCL, sCL, sCL, sCL, sLA, sLI, sCL],
    ]

    /// `tcp_states_dos[]` (sysctl `secure_tcp`).
    static let defense: [[IPVSTCPState]] = [
        //        sNO, sES, sSS, sSR, sFW, sTW, sCL, sCW, sLA, sLI, sSA       INPUT
        /*syn*/ [sSR, sES, sES, sSR, sSR, sSR, sSR, sSR, sSR, sSR, sSA],
        /*fin*/ [sCL, sCW, sSS, sTW, sTW, sTW, sCL, sCW, sLA, sLI, sSA],
        /*ack*/ [sES, sES, sSS, sSR, sFW, sTW, sCL, sCW, sCL, sLI, sSA],
        /*rst*/ [sCL, sCL, sCL, sSR, sCL, sCL, sCL, sCL, sLA, sLI, sCL],
        //                                                                      OUTPUT
        /*syn*/ [sSS, sES, sSS, sSA, sSS, sSS, sSS, sSS, sSS, sLI, sSA],
        /*fin*/ [sTW, sFW, sSS, sTW, sFW, sTW, sCL, sTW, sLA, sLI, sTW],
        /*ack*/ [sES, sES, sSS, sES, sFW, sTW, sCL, sCW, sLA, sES, sES],
        /*rst*/ [sCL, sCL, sSS, sCL, sCL, sTW, sCL, sCL, sCL, sCL, sCL],
        //                                                                      INPUT-ONLY
        /*syn*/ [sSA, sES, sES, sSR, sSA, sSA, sSA, sSA, sSA, sSA, sSA],
        /*fin*/ [sCL, sFW, sSS, sTW, sFW, sTW, sCL, sCW, sLA, sLI, sTW],
        /*ack*/ [sES, sES, sSS, sES, sFW, sTW, sCL, sCW, sCL, sLI, sES],
        /*rst*/ [sCL, sCL, sCL, sSR, sCL, sCL, sCL, sCL, sLA, sLI, sCL],
    ]

    private let rows: [[IPVSTCPState]]

    /// The table of a kernel with `profile`. Older kernels (and DPVS) send NONE + ACK to
    /// CLOSE in the INPUT and INPUT-ONLY blocks instead of ESTABLISHED.
    public init(profile: KernelProfile, secureTCP: Bool = false) {
        var rows = secureTCP ? Self.defense : Self.normal
        if !profile.noneAckEstablishes {
            for block in [TCPStateDirection.input, .inputOnly] {
                rows[block.rawValue + TCPStateEvent.ack.rawValue][IPVSTCPState.none.rawValue] = .close
            }
        }
        self.rows = rows
    }

    /// `set_tcp_state`'s lookup: the next state, CLOSE for a segment without flags.
    public func next(from state: IPVSTCPState, on event: TCPStateEvent, direction: TCPStateDirection) -> IPVSTCPState {
        guard event != .noFlags else { return .close }
        return rows[direction.rawValue + event.rawValue][state.rawValue]
    }
}

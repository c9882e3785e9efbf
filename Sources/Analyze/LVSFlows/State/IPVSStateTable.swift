import LVSWire

/// IPVS's TCP state transition tables (`tcp_states` and `tcp_states_dos`'s normal half in
/// net/netfilter/ipvs/ip_vs_proto_tcp.c; lvs-reference.md §5.4): the next state by
/// direction, by the first flag present in the order RST > SYN > FIN > ACK, and by the
/// current state. The orig direction is IPVS's INPUT (client → service) and the resp
/// direction its OUTPUT; while no resp packet has been seen the INPUT-ONLY table applies,
/// as for a DR or TUN destination (`IP_VS_CONN_F_NOOUTPUT`).
enum IPVSStateTable {
    private typealias S = IPVSConnectionState
    // Columns: NONE ES SS SR FW TW CL CW LA LI SA.
    private static let inputSYN: [S] = [.synReceived, .established, .established, .synReceived, .synReceived,
                                        .synReceived, .synReceived, .synReceived, .synReceived, .synReceived,
                                        .synReceived]
    private static let inputFIN: [S] = [.close, .closeWait, .synSent, .timeWait, .timeWait, .timeWait, .close,
                                        .closeWait, .lastAck, .listen, .timeWait]
    private static let inputACK: [S] = [.established, .established, .synSent, .established, .finWait, .timeWait,
                                        .close, .closeWait, .close, .listen, .established]
    private static let inputRST: [S] = [.close, .close, .close, .synReceived, .close, .close, .close, .close,
                                        .lastAck, .listen, .synReceived]
    private static let outputSYN: [S] = [.synSent, .established, .synSent, .synReceived, .synSent, .synSent,
                                         .synSent, .synSent, .synSent, .listen, .synReceived]
    private static let outputFIN: [S] = [.timeWait, .finWait, .synSent, .timeWait, .finWait, .timeWait, .close,
                                         .timeWait, .lastAck, .listen, .timeWait]
    private static let outputACK: [S] = [.established, .established, .synSent, .established, .finWait, .timeWait,
                                         .close, .closeWait, .lastAck, .established, .established]
    private static let outputRST: [S] = [.close, .close, .synSent, .close, .close, .timeWait, .close, .close,
                                         .close, .close, .close]
    private static let inputOnlyFIN: [S] = [.close, .finWait, .synSent, .timeWait, .finWait, .timeWait, .close,
                                            .closeWait, .lastAck, .listen, .timeWait]
    private static let inputOnlyRST: [S] = [.close, .close, .close, .synReceived, .close, .close, .close, .close,
                                            .lastAck, .listen, .close]

    static func next(_ state: IPVSConnectionState, flags: TCPFlags, direction: FlowDirection,
                     inputOnly: Bool) -> IPVSConnectionState {
        let column = Int(state.rawValue)
        if direction == .resp {
            if flags.contains(.rst) { return outputRST[column] }
            if flags.contains(.syn) { return outputSYN[column] }
            if flags.contains(.fin) { return outputFIN[column] }
            if flags.contains(.ack) { return outputACK[column] }
            return state
        }
        if flags.contains(.rst) { return (inputOnly ? inputOnlyRST : inputRST)[column] }
        if flags.contains(.syn) { return inputSYN[column] }
        if flags.contains(.fin) { return (inputOnly ? inputOnlyFIN : inputFIN)[column] }
        if flags.contains(.ack) { return inputACK[column] }
        return state
    }
}

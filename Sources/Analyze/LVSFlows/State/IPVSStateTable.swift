import LVSConfig
import LVSWire

/// IPVS's TCP state transition tables (`tcp_states` and `tcp_states_dos`'s normal half in
/// net/netfilter/ipvs/ip_vs_proto_tcp.c; lvs-reference.md §5.4): the next state by
/// direction, by the first flag present in the order RST > SYN > FIN > ACK, and by the
/// current state. The orig direction is IPVS's INPUT (client → service) and the resp
/// direction its OUTPUT; while no resp packet has been seen the INPUT-ONLY table applies,
/// as for a DR or TUN destination (`IP_VS_CONN_F_NOOUTPUT`).
enum IPVSStateTable {
    // Each row packs the next state for the current states NONE ES SS SR FW TW CL CW LA
    // LI SA (4 bits each, lowest first), as the kernel's tables list them.
    /// SR ES ES SR SR SR SR SR SR SR SR
    private static let inputSYN: UInt64 = 0x33333333113
    /// CL CW SS TW TW TW CL CW LA LI TW
    private static let inputFIN: UInt64 = 0x59876555276
    /// ES ES SS ES FW TW CL CW CL LI ES
    private static let inputACK: UInt64 = 0x19676541211
    /// CL CL CL SR CL CL CL CL LA LI SR
    private static let inputRST: UInt64 = 0x39866663666
    /// SS ES SS SR SS SS SS SS SS LI SR
    private static let outputSYN: UInt64 = 0x39222223212
    /// TW FW SS TW FW TW CL TW LA LI TW
    private static let outputFIN: UInt64 = 0x59856545245
    /// ES ES SS ES FW TW CL CW LA ES ES
    private static let outputACK: UInt64 = 0x11876541211
    /// CL CL SS CL CL TW CL CL CL CL CL
    private static let outputRST: UInt64 = 0x66666566266
    /// CL FW SS TW FW TW CL CW LA LI TW
    private static let inputOnlyFIN: UInt64 = 0x59876545246
    /// CL CL CL SR CL CL CL CL LA LI CL
    private static let inputOnlyRST: UInt64 = 0x69866663666

    @inline(__always)
    private static func lookup(_ row: UInt64, _ state: IPVSTCPState) -> IPVSTCPState {
        IPVSTCPState(rawValue: Int(truncatingIfNeeded: row >> (4 * UInt64(state.rawValue))) & 0xF) ?? .none
    }

    static func next(_ state: IPVSTCPState, flags: TCPFlags, direction: FlowDirection,
                     inputOnly: Bool) -> IPVSTCPState {
        if direction == .resp {
            if flags.contains(.rst) { return lookup(outputRST, state) }
            if flags.contains(.syn) { return lookup(outputSYN, state) }
            if flags.contains(.fin) { return lookup(outputFIN, state) }
            if flags.contains(.ack) { return lookup(outputACK, state) }
            return state
        }
        if flags.contains(.rst) { return lookup(inputOnly ? inputOnlyRST : inputRST, state) }
        if flags.contains(.syn) { return lookup(inputSYN, state) }
        if flags.contains(.fin) { return lookup(inputOnly ? inputOnlyFIN : inputFIN, state) }
        if flags.contains(.ack) { return lookup(inputACK, state) }
        return state
    }
}

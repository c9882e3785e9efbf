import LVSWire

/// Zeek's endpoint state machine (TCP analyzer `UpdateStateMachine` and its per-state
/// helpers), reduced to the transitions that decide `conn_state`: the endpoint that
/// sends a packet and its peer change state together.
enum TCPEndpointTransitions {
    static func apply(flags: TCPFlags, payload: Int, isOrig: Bool, endpoint: inout TCPEndpointState,
                      peer: inout TCPEndpointState) {
        switch endpoint {
        case .inactive: fromInactive(flags, payload, isOrig, &endpoint, &peer)
        case .synSent, .synAckSent:
            if flags.contains(.fin) { endpoint = .closed }
            if flags.contains(.rst) { endpoint = .reset }
        case .established, .partial:
            if flags.contains(.syn), endpoint == .partial, peer == .inactive, !flags.contains(.ack) {
                endpoint = .synSent
            }
            if flags.contains(.fin), !flags.contains(.rst) { endpoint = .closed }
            if flags.contains(.rst) { endpoint = .reset }
        case .closed:
            if flags.contains(.rst), peer != .closed { endpoint = .reset }
        case .reset:
            break
        }
    }

    private static func fromInactive(_ flags: TCPFlags, _ payload: Int, _ isOrig: Bool,
                                     _ endpoint: inout TCPEndpointState, _ peer: inout TCPEndpointState) {
        if flags.contains(.syn) {
            if isOrig {
                endpoint = flags.contains(.ack) ? .synAckSent : .synSent
            } else {
                // A SYN-ACK (or simultaneous open) answers the orig SYN: both established.
                if peer == .synSent { peer = .established }
                endpoint = .established
            }
        }
        if flags.contains(.fin) { endpoint = .closed }
        if flags.contains(.rst) { endpoint = .reset }
        guard endpoint == .inactive else { return }
        if !isOrig, payload == 0, peer == .synSent {
            // Some stacks ACK a SYN before answering it: not a partial connection.
            return
        }
        endpoint = flags.contains(.ack) && peer == .established ? .established : .partial
    }
}

import LVSFlows
import LVSWire

/// How a connection attempt ended, as one capture point saw it (Zeek's conn_state and
/// history letters, lvs-reference.md §9 for what each means at an LVS hop).
extension FlowRecord {
    var isTCP: Bool { protocolNumber == .tcp }
    var isUDP: Bool { protocolNumber == .udp }

    /// The originator opened the flow: a TCP SYN, or the first datagram of a UDP flow.
    var isAttempt: Bool {
        switch protocolNumber {
        case .tcp: synFrame != nil && !flipped
        case .udp: orig.packets > 0
        default: false
        }
    }

    /// The responder accepted: a SYN-ACK, or any UDP reply.
    var wasAnswered: Bool { isTCP ? synAckFrame != nil : resp.packets > 0 }

    /// The responder refused: a RST instead of a SYN-ACK (REJ), or an ICMP destination
    /// unreachable (port, protocol, prohibited) quoting the request.
    var wasRefused: Bool {
        if isTCP, synAckFrame == nil, history.contains("r") { return true }
        return icmpErrors.map(\.isRefusal) ?? false
    }

    /// The originator reset a connection the responder never answered here: it got the
    /// answer by another path (Zeek RSTOS0), lvs-reference.md §9.1.
    var originatorResetUnanswered: Bool {
        isTCP && synAckFrame == nil && state == .rstos0
    }

    /// Packets of the direction (`.orig` / `.resp`).
    func stats(_ direction: FlowDirection) -> FlowDirectionStats { direction == .orig ? orig : resp }

    /// The sender of a direction.
    func address(_ direction: FlowDirection) -> IPAddress { direction == .orig ? origAddress : respAddress }

    /// The link legs a direction used.
    func legs(_ direction: FlowDirection) -> [LinkLeg] {
        linkLegs.filter { $0.direction == direction }.map(\.leg)
    }
}

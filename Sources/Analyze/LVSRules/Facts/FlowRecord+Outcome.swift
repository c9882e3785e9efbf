import LVSFlows
import LVSWire

/// How a connection attempt ended, as one capture point saw it (Zeek's conn_state and
/// history letters, lvs-reference.md §9 for what each means at an LVS hop).
///
/// The facts read these on array elements (`records[i].x`); the element is read in place
/// only when nothing between its fields calls into another module (`==` on LVSFlows'
/// enums, a `String` search), else it is copied whole (440 bytes and the retains of its
/// fields). So cases are matched, not compared, and `wasRefused` reads fields by index.
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

    /// The originator reset a connection the responder never answered here: it got the
    /// answer by another path (Zeek RSTOS0), lvs-reference.md §9.1.
    var originatorResetUnanswered: Bool {
        guard isTCP, synAckFrame == nil, case .rstos0 = state else { return false }
        return true
    }

    /// Packets of the direction (`.orig` / `.resp`).
    func stats(_ direction: FlowDirection) -> FlowDirectionStats {
        switch direction {
        case .orig: orig
        case .resp: resp
        }
    }

    /// The sender of a direction.
    func address(_ direction: FlowDirection) -> IPAddress {
        switch direction {
        case .orig: origAddress
        case .resp: respAddress
        }
    }

    /// The link legs a direction used.
    func legs(_ direction: FlowDirection) -> [LinkLeg] {
        linkLegs.filter { $0.direction == direction }.map(\.leg)
    }
}

extension [FlowRecord] {
    /// Whether the responder of `self[i]` refused: a RST instead of a SYN-ACK (REJ), or an
    /// ICMP destination unreachable (port, protocol, prohibited) quoting the request.
    func wasRefused(_ i: Int) -> Bool {
        // The history is Zeek's ASCII letters: its bytes are searched (a substring search
        // through Foundation cost thousands of instructions per attempt).
        if self[i].isTCP, self[i].synAckFrame == nil, self[i].history.utf8.contains(UInt8(ascii: "r")) { return true }
        return self[i].icmpErrors.map(\.isRefusal) ?? false
    }
}

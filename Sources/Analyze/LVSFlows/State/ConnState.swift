import LVSWire

/// Zeek's `conn_state` (base/protocols/conn/main.zeek, `Conn::Info`), a closed vocabulary
/// whose raw value is the code printed in conn.log.
public enum ConnState: String, Hashable, Sendable, CaseIterable {
    /// Connection attempt seen, no reply.
    case s0 = "S0"
    /// Connection established, not terminated.
    case s1 = "S1"
    /// Normal establishment and termination.
    case sf = "SF"
    /// Connection attempt rejected.
    case rej = "REJ"
    /// Established, close attempt by the originator seen (no reply from the responder).
    case s2 = "S2"
    /// Established, close attempt by the responder seen (no reply from the originator).
    case s3 = "S3"
    /// Established, the originator aborted (sent a RST).
    case rsto = "RSTO"
    /// The responder sent a RST.
    case rstr = "RSTR"
    /// The originator sent a SYN followed by a RST; no SYN-ACK from the responder.
    case rstos0 = "RSTOS0"
    /// The responder sent a SYN-ACK followed by a RST; no SYN from the (purported) originator.
    case rstrh = "RSTRH"
    /// The originator sent a SYN followed by a FIN; no SYN-ACK from the responder.
    case sh = "SH"
    /// The responder sent a SYN-ACK followed by a FIN; no SYN from the originator.
    case shr = "SHR"
    /// No SYN seen, just midstream traffic.
    case oth = "OTH"

    /// Zeek's `conn_state()` for TCP from the two endpoint states.
    static func tcp(orig os: TCPEndpointState, resp rs: TCPEndpointState, origBytes: UInt64, respBytes: UInt64,
                    history: String) -> ConnState {
        if rs == .reset {
            if os == .synSent || os == .synAckSent || (os == .reset && origBytes == 0 && respBytes == 0) { return .rej }
            return os.isInactive ? .rstrh : .rstr
        }
        if os == .reset {
            guard rs.isInactive else { return .rsto }
            return ConnState.isSynThenReset(history) ? .rstos0 : .oth
        }
        if rs == .closed, os == .closed { return .sf }
        if os == .closed { return rs.isInactive ? .sh : .s2 }
        if rs == .closed { return os.isInactive ? .shr : .s3 }
        if os == .synSent, rs == .inactive { return .s0 }
        if os == .established, rs == .established { return .s1 }
        return .oth
    }

    /// UDP: which endpoints sent anything.
    static func datagram(origActive: Bool, respActive: Bool) -> ConnState {
        if origActive { return respActive ? .sf : .s0 }
        return respActive ? .shr : .oth
    }

    /// Zeek's `/\^?S[^HAFGIQ]*R.*/` on the history.
    static func isSynThenReset(_ history: String) -> Bool {
        var letters = Substring(history)
        if letters.first == "^" { letters = letters.dropFirst() }
        guard letters.first == "S" else { return false }
        for letter in letters.dropFirst() {
            if letter == "R" { return true }
            if "HAFGIQ".contains(letter) { return false }
        }
        return false
    }
}

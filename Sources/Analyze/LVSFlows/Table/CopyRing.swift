/// The content signatures of a flow's last two original packets, to recognise a
/// forwarded copy: the same IP packet (IP ID, sequence and acknowledgement numbers,
/// length, flags) seen again on another link leg within a short time. A DR director
/// shows each request twice (in with the director's MAC as destination, out with the
/// real server's), and a Linux `-i any` capture shows a forwarded packet once inbound
/// and once outgoing; neither second copy is a retransmission.
struct CopyRing {
    private var signatures: (UInt32, UInt32) = (0, 0)
    /// Leg id | 0x8000 for the responder's direction.
    private var legs: (UInt16, UInt16) = (0, 0)
    /// Capture time in milliseconds, modulo 2^16: enough to tell "within the window".
    private var times: (UInt16, UInt16) = (0, 0)
    private var next: Bool = false

    enum Match {
        case none
        /// Same content on another leg: a forwarded copy.
        case otherLeg
        /// Same content on the same leg: a duplicate (counted as a retransmission).
        case sameLeg
    }

    /// Looks for `signature` sent within `windowMilliseconds` before `milliseconds`.
    func match(_ signature: UInt32, leg: UInt16, milliseconds: UInt16, windowMilliseconds: UInt16) -> Match {
        if signatures.0 == signature, legs.0 != 0, milliseconds &- times.0 <= windowMilliseconds {
            return (legs.0 == leg) ? .sameLeg : .otherLeg
        }
        if signatures.1 == signature, legs.1 != 0, milliseconds &- times.1 <= windowMilliseconds {
            return (legs.1 == leg) ? .sameLeg : .otherLeg
        }
        return .none
    }

    mutating func remember(_ signature: UInt32, leg: UInt16, milliseconds: UInt16) {
        if next {
            signatures.1 = signature
            legs.1 = leg
            times.1 = milliseconds
        } else {
            signatures.0 = signature
            legs.0 = leg
            times.0 = milliseconds
        }
        next.toggle()
    }
}

/// The content signatures of a flow's last two original packets in each direction, to
/// recognise a forwarded copy: the same IP packet (IP ID, sequence and acknowledgement
/// numbers, length, flags) seen again on another link leg within a short time. A DR
/// director shows each request twice (in with the director's MAC as destination, out
/// with the real server's), and a Linux `-i any` capture shows a forwarded packet once
/// inbound and once outgoing; neither second copy is a retransmission. Keeping the
/// directions apart means replies between an original and its copy do not push the
/// original out.
struct CopyRing {
    /// Slots 0–1 for the originator, 2–3 for the responder: signature, and leg id (low
    /// half) with the capture time in milliseconds modulo 2^16 (high half); 0 = empty.
    private var signatures: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
    private var stamps: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)

    /// Whether a signature was seen, and on which leg.
    enum Match {
        case none
        /// Same content on another leg: a forwarded copy.
        case otherLeg
        /// Same content on the same leg: a duplicate (counted as a retransmission).
        case sameLeg
    }

    /// Looks for `signature` sent in `direction` within `window` milliseconds before `now`.
    func match(_ signature: UInt32, leg: UInt16, _ direction: FlowDirection, now: UInt16, window: UInt16) -> Match {
        let first = direction == .orig ? 0 : 2
        for slot in first...(first + 1) {
            let stamp = self.stamp(slot)
            guard stamp != 0, self.signature(slot) == signature, now &- UInt16(stamp >> 16) <= window else { continue }
            return UInt16(truncatingIfNeeded: stamp) == leg ? .sameLeg : .otherLeg
        }
        return .none
    }

    /// Stores a packet's signature over the older (or an empty) slot of its direction.
    mutating func remember(_ signature: UInt32, leg: UInt16, _ direction: FlowDirection, now: UInt16) {
        let first = direction == .orig ? 0 : 2
        let a = stamp(first)
        let b = stamp(first + 1)
        let ageA = a == 0 ? UInt16.max : now &- UInt16(a >> 16)
        let ageB = b == 0 ? UInt16.max : now &- UInt16(b >> 16)
        let slot = ageA >= ageB ? first : first + 1
        set(slot, signature, UInt32(leg) | UInt32(now) << 16)
    }

    private func signature(_ slot: Int) -> UInt32 {
        switch slot {
        case 0: signatures.0
        case 1: signatures.1
        case 2: signatures.2
        default: signatures.3
        }
    }

    private func stamp(_ slot: Int) -> UInt32 {
        switch slot {
        case 0: stamps.0
        case 1: stamps.1
        case 2: stamps.2
        default: stamps.3
        }
    }

    private mutating func set(_ slot: Int, _ signature: UInt32, _ stamp: UInt32) {
        switch slot {
        case 0: (signatures.0, stamps.0) = (signature, stamp)
        case 1: (signatures.1, stamps.1) = (signature, stamp)
        case 2: (signatures.2, stamps.2) = (signature, stamp)
        default: (signatures.3, stamps.3) = (signature, stamp)
        }
    }
}

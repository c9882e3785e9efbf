extension FlowTracker {
    /// What a packet is with respect to the packets already counted.
    enum CopyVerdict {
        case original
        /// The same content on the same leg again: a retransmitted duplicate.
        case duplicate
        /// The same content on another leg: a forwarded copy.
        case copy
    }

    /// Classifies a packet by its content signature against the flow's last packets.
    /// `resendable` is true for segments that occupy sequence space (payload, SYN, FIN):
    /// only those can be duplicates; a repeated pure ACK is just another ACK. A packet the
    /// ring no longer remembers (a burst pushed the original out) is still a copy when it
    /// comes right after the flow's last packet on a leg other than its side's first, and
    /// that leg already carried copies or the segment's sequence range was sent before
    /// (`oldData`).
    func classify(_ entry: UnsafeMutablePointer<FlowEntry>, _ direction: FlowDirection, signature: UInt32,
                  resendable: Bool, oldData: Bool, _ c: PacketContext) -> CopyVerdict {
        let window = configuration.forwardedCopyWindowMilliseconds
        switch entry.pointee.copies.match(signature, leg: c.leg, direction, now: c.milliseconds, window: window) {
        case .otherLeg:
            return .copy
        case .sameLeg:
            if resendable { return .duplicate }
        case .none:
            let s = side(entry, direction)
            if s.pointee.packets > 0, c.leg != s.pointee.primaryLeg,
               c.time - entry.pointee.lastTime <= Int64(window) * 1_000_000,
               oldData || (!resendable && entry.pointee.legs.carriesCopies(c.leg, direction)) {
                return .copy
            }
        }
        entry.pointee.copies.remember(signature, leg: c.leg, direction, now: c.milliseconds)
        return .original
    }

    /// A 32-bit hash of a packet's content fields: one folded multiply per packet on the
    /// tracking thread, where two chained `mix`es were four multiplies.
    @inline(__always)
    static func signature(_ a: UInt64, _ b: UInt64) -> UInt32 {
        let h = FlowKey.fold(a ^ 0x2545_F491_4F6C_DD1D, b ^ 0xD6E8_FEB8_6659_FD93)
        return UInt32(truncatingIfNeeded: h ^ h >> 32)
    }
}

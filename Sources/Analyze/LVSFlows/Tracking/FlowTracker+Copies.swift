extension FlowTracker {
    enum CopyVerdict {
        case original
        /// The same content on the same leg again: a retransmitted duplicate.
        case duplicate
        /// The same content on another leg: a forwarded copy.
        case copy
    }

    /// Classifies a packet by its content signature against the flow's last packets.
    /// `resendable` is true for segments that occupy sequence space (payload, SYN, FIN):
    /// only those can be duplicates; a repeated pure ACK is just another ACK.
    /// `oldData` says the segment's sequence range was sent before: such a segment on a
    /// leg other than the side's first, right after the flow's last packet, is a copy
    /// too (a burst can push the original out of the two-entry ring).
    func classify(_ entry: UnsafeMutablePointer<FlowEntry>, _ direction: FlowDirection, signature: UInt32,
                  resendable: Bool, oldData: Bool, _ c: PacketContext) -> CopyVerdict {
        let tag = LinkLegSet.tag(c.leg, direction)
        let window = configuration.forwardedCopyWindowMilliseconds
        switch entry.pointee.copies.match(signature, leg: tag, milliseconds: c.milliseconds,
                                          windowMilliseconds: window) {
        case .otherLeg:
            return .copy
        case .sameLeg:
            if resendable { return .duplicate }
        case .none:
            let s = side(entry, direction)
            if oldData, s.pointee.packets > 0, c.leg != s.pointee.primaryLeg,
               c.time - entry.pointee.lastTime <= Int64(window) * 1_000_000 {
                return .copy
            }
        }
        entry.pointee.copies.remember(signature, leg: tag, milliseconds: c.milliseconds)
        return .original
    }

    /// A 32-bit mix of a packet's content fields.
    @inline(__always)
    static func signature(_ a: UInt64, _ b: UInt64) -> UInt32 {
        let h = FlowKey.mix(FlowKey.mix(0x2545_F491_4F6C_DD1D, a), b)
        return UInt32(truncatingIfNeeded: h ^ h >> 32)
    }
}

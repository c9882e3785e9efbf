extension FlowTracker {
    /// The flow of `key`: the live one, or a new one when there is none or the old one has
    /// been idle past its timeout (which is then emitted). A new flow's originator is the
    /// packet's sender unless `flip` (the first packet is a reply: SYN-ACK, echo reply).
    func flow(_ key: FlowKey, sourceIsA: Bool, flip: Bool, _ c: PacketContext)
        -> (slot: UInt32, entry: UnsafeMutablePointer<FlowEntry>, isNew: Bool) {
        let hash = key.hash
        if let slot = table.find(key, hash: hash) {
            let entry = table.entry(slot)
            if !isIdle(entry, now: c.time) { return (slot, entry, false) }
            end(slot, .idle)
        }
        let slot = create(key, hash: hash, origIsA: sourceIsA != flip, flipped: flip, c)
        return (slot, table.entry(slot), true)
    }

    func create(_ key: FlowKey, hash: UInt64, origIsA: Bool, flipped: Bool, _ c: PacketContext) -> UInt32 {
        var entry = FlowEntry(key: key, time: c.time, frame: c.frame)
        if origIsA { entry.flags.insert(.origIsA) }
        if flipped {
            entry.flags.insert(.flipped)
            entry.history.append(UInt8(ascii: "^"))
        }
        let slot = table.insert(entry, hash: hash)
        stats.flowsCreated += 1
        if table.count > stats.peakLiveFlows {
            stats.peakLiveFlows = table.count
            stats.bytesAtPeak = memoryBytes
        }
        return slot
    }

    /// Idle past IPVS's timeout for its protocol and state (read through the pointer: a
    /// `FlowEntry` argument would be a 272-byte copy per packet).
    @inline(__always)
    func isIdle(_ entry: UnsafeMutablePointer<FlowEntry>, now: Int64) -> Bool {
        // Any two Int64 times: those at both ends of the range overflow the difference.
        now.clampedSubtracting(entry.pointee.lastTime)
            > idleLimits.limit(proto: entry.pointee.key.proto, state: entry.pointee.ipvsState)
    }
}

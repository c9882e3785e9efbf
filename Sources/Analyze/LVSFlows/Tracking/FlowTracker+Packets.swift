import LVSWire

extension FlowTracker {
    /// Counts an original (not forwarded-copy) packet on its side and returns the side.
    @discardableResult
    func count(_ entry: UnsafeMutablePointer<FlowEntry>, _ direction: FlowDirection, _ c: PacketContext)
        -> UnsafeMutablePointer<FlowSideState> {
        let s = side(entry, direction)
        s.pointee.packets &+= 1
        s.pointee.ipBytes &+= UInt64(c.ipTotalLength)
        s.pointee.seen.insert(.active)
        if s.pointee.packets == 1 { s.pointee.primaryLeg = c.leg }
        if c.ipOptions { entry.pointee.flags.insert(.ipOptions) }
        noteLink(entry, direction, c)
        return s
    }

    /// Counts a forwarded copy: another leg's view of a packet already counted.
    func countCopy(_ entry: UnsafeMutablePointer<FlowEntry>, _ direction: FlowDirection, _ c: PacketContext) {
        entry.pointee.forwardedCopies &+= 1
        noteLink(entry, direction, c)
        entry.pointee.legs.markCopies(c.leg, direction)
    }

    /// TTL range, link leg, cooked direction and last activity: true of copies too.
    private func noteLink(_ entry: UnsafeMutablePointer<FlowEntry>, _ direction: FlowDirection, _ c: PacketContext) {
        let s = side(entry, direction)
        if c.ttl < s.pointee.ttlMin { s.pointee.ttlMin = c.ttl }
        if c.ttl > s.pointee.ttlMax { s.pointee.ttlMax = c.ttl }
        if !entry.pointee.legs.add(c.leg, direction) { withExtras(entry) { $0.otherLegPackets &+= 1 } }
        if let type = c.cookedPacketType {
            withExtras(entry) { extras in
                if type == 4 { extras.cookedOut.increment(direction) } else { extras.cookedIn.increment(direction) }
            }
        }
        if let tunnel = c.encapsulation {
            withExtras(entry) { extras in
                if extras.tunnel == nil { extras.tunnel = tunnel }
            }
        }
        if c.time > entry.pointee.lastTime { entry.pointee.lastTime = c.time }
        entry.pointee.lastFrame = c.frame
    }

    /// Runs `body` on the flow's extras, attaching a record from the pool on first use.
    @inline(__always) @discardableResult
    func withExtras<R>(_ entry: UnsafeMutablePointer<FlowEntry>, _ body: (inout FlowExtras) -> R) -> R {
        if entry.pointee.extras == 0 { entry.pointee.extras = extras.allocate() }
        return body(&extras[entry.pointee.extras])
    }

    /// Appends a history letter, upper case for the originator.
    func addLetter(_ entry: UnsafeMutablePointer<FlowEntry>, _ upper: UInt8, _ direction: FlowDirection) {
        guard !entry.pointee.history.isFull else {
            entry.pointee.flags.insert(.historyTruncated)
            return
        }
        entry.pointee.history.append(direction == .orig ? upper : upper | 0x20)
    }

    /// Zeek's logarithmic letters (c, g, t, w): written at the 1st, 10th, 100th... event.
    func addScaledLetter(_ entry: UnsafeMutablePointer<FlowEntry>, _ upper: UInt8, _ direction: FlowDirection,
                         count: UInt32) {
        var n = count
        while n >= 10, n % 10 == 0 { n /= 10 }
        if n == 1 { addLetter(entry, upper, direction) }
    }

    /// Counts a transport checksum problem; true when the packet is bad (not offload).
    func noteChecksum(_ status: ChecksumStatus?, _ entry: UnsafeMutablePointer<FlowEntry>,
                      _ direction: FlowDirection) -> Bool {
        guard let status else { return false }
        if status.isBad {
            let n = withExtras(entry) { $0.badChecksums.increment(direction) }
            addScaledLetter(entry, UInt8(ascii: "C"), direction, count: n)
            return true
        }
        if status.isLikelyOffload { withExtras(entry) { _ = $0.offloadedChecksums.increment(direction) } }
        return false
    }
}

import LVSWire

extension Correlator {
    /// Splits one 5-tuple's records (a run of `scratch.byTuple`) at a forwarding host when
    /// the tuple was seen on both sides of it: the host whose MAC is the destination of
    /// one originator-direction link and the source of another, and never the source of a
    /// reply (a router relays replies; a DR director never sees them), or the capturing
    /// host itself when a cooked capture shows the packet in and then outgoing.
    /// Encapsulated links always lie after the host. Appends one or two drafts.
    func split(_ run: Range<Int>, _ scratch: inout LegScratch) {
        let forwarder = forwardingHost(run, &scratch)
        let start = scratch.draftRecords.count
        // A record with no link after the host, or some before it, lies before it.
        for k in run {
            let side = sides(scratch.byTuple[k], forwarder: forwarder)
            if side.early || !side.late { scratch.draftRecords.append(scratch.byTuple[k]) }
        }
        let middle = scratch.draftRecords.count
        for k in run where sides(scratch.byTuple[k], forwarder: forwarder).late {
            scratch.draftRecords.append(scratch.byTuple[k])
        }
        let tupleRecord = scratch.byTuple[run.lowerBound]
        if middle > start {
            scratch.drafts.append(LegDraft(tupleRecord: tupleRecord, members: start..<middle, after: false,
                                           forwarder: forwarder))
        }
        if scratch.draftRecords.count > middle {
            scratch.drafts.append(LegDraft(tupleRecord: tupleRecord, members: middle..<scratch.draftRecords.count,
                                           after: true, forwarder: forwarder))
        }
    }

    /// Whether record `i` has originator links before the host, and after it.
    private func sides(_ i: Int, forwarder: MACAddress?) -> (early: Bool, late: Bool) {
        var early = false
        var late = false
        for count in records[i].linkLegs where count.direction == .orig {
            if LegDraft.isAfter(count.leg, forwarder: forwarder) { late = true } else { early = true }
        }
        return (early, late)
    }

    private func forwardingHost(_ run: Range<Int>, _ scratch: inout LegScratch) -> MACAddress? {
        scratch.links.removeAll(keepingCapacity: true)
        scratch.replySources.removeAll(keepingCapacity: true)
        for k in run {
            var outgoing: LinkLeg?
            var cookedIn = false
            for count in records[scratch.byTuple[k]].linkLegs {
                if count.direction == .orig {
                    if outgoing == nil, count.leg.isOutgoing { outgoing = count.leg }
                    if count.leg.cookedPacketType != nil, !count.leg.isOutgoing { cookedIn = true }
                    scratch.links.append(count.leg)
                } else if let source = count.leg.source {
                    scratch.replySources.append(source)
                }
            }
            if let outgoing, cookedIn { return outgoing.source }
        }
        let links = scratch.links
        scratch.candidates.removeAll(keepingCapacity: true)
        for link in links {
            guard let source = link.source, !scratch.replySources.contains(source),
                  !scratch.candidates.contains(source), links.contains(where: { $0.destination == source }) else {
                continue
            }
            scratch.candidates.append(source)
        }
        scratch.candidates.sort()
        let candidates = scratch.candidates
        // With several (a chain of forwarders), the last: its next hop forwards no further.
        return candidates.first { candidate in
            !links.contains { $0.source == candidate && $0.destination.map(candidates.contains) == true }
        } ?? candidates.first
    }

    /// Calls `body` with each link of the draft: its records' originator links on its
    /// side of the host, in record order (repeats included).
    func forEachLink(_ draft: LegDraft, _ list: [Int], _ body: (LinkLeg) -> Void) {
        for k in draft.members {
            for count in records[list[k]].linkLegs where count.direction == .orig && draft.holds(count.leg) {
                body(count.leg)
            }
        }
    }

    /// Whether some link of the draft satisfies `predicate`.
    func containsLink(_ draft: LegDraft, _ list: [Int], where predicate: (LinkLeg) -> Bool) -> Bool {
        for k in draft.members {
            for count in records[list[k]].linkLegs where count.direction == .orig && draft.holds(count.leg) {
                if predicate(count.leg) { return true }
            }
        }
        return false
    }
}

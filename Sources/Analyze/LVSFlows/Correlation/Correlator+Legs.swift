import LVSWire

extension Correlator {
    /// The legs of one group of records, client side first, with their rewrites; none
    /// when the group makes fewer than two (no connection to stitch). The working lists
    /// live in `scratch`, reused across groups.
    func buildLegs(_ group: ArraySlice<Int>, offsets: OffsetEstimate, scratch: inout LegScratch) -> [ConnectionLeg] {
        partition(group, &scratch)
        sortRuns(&scratch, offsets: offsets)
        scratch.drafts.removeAll(keepingCapacity: true)
        scratch.draftRecords.removeAll(keepingCapacity: true)
        for r in scratch.runs.indices { split(scratch.runs[r], &scratch) }
        guard scratch.drafts.count >= 2 else { return [] }
        var legs: [ConnectionLeg] = []
        legs.reserveCapacity(scratch.drafts.count)
        for index in scratch.drafts.indices {
            let draft = scratch.drafts[index]
            let rewrites = index == 0 ? Rewrite()
                : rewrites(from: scratch.drafts[index - 1], to: draft, scratch.draftRecords)
            legs.append(makeLeg(draft, scratch.draftRecords, rewrites: rewrites, offsets: offsets, &scratch))
        }
        return legs
    }

    /// Orders the group's records by 5-tuple, keeping the group's order within a tuple
    /// (an insertion sort: a group holds a handful), and notes each tuple's run.
    private func partition(_ group: ArraySlice<Int>, _ scratch: inout LegScratch) {
        scratch.byTuple.removeAll(keepingCapacity: true)
        scratch.byTuple.append(contentsOf: group)
        for i in scratch.byTuple.indices.dropFirst() {
            var j = i
            while j > 0, tuples[scratch.byTuple[j]] < tuples[scratch.byTuple[j - 1]] {
                scratch.byTuple.swapAt(j, j - 1)
                j -= 1
            }
        }
        scratch.runs.removeAll(keepingCapacity: true)
        var start = 0
        for k in scratch.byTuple.indices.dropFirst()
        where tuples[scratch.byTuple[k]] != tuples[scratch.byTuple[start]] {
            scratch.runs.append(start..<k)
            start = k
        }
        if !scratch.byTuple.isEmpty { scratch.runs.append(start..<scratch.byTuple.count) }
    }

    /// Orders tuples client side first: by time at a point that saw both, else by the
    /// higher TTL (closer to the client), else by offset-corrected time.
    private func sortRuns(_ scratch: inout LegScratch, offsets: OffsetEstimate) {
        for i in scratch.runs.indices.dropFirst() {
            var j = i
            while j > 0, comesFirst(scratch.runs[j], scratch.runs[j - 1], scratch.byTuple, offsets) {
                scratch.runs.swapAt(j, j - 1)
                j -= 1
            }
        }
    }

    private func comesFirst(_ a: Range<Int>, _ b: Range<Int>, _ list: [Int], _ offsets: OffsetEstimate) -> Bool {
        // The lowest-numbered point that saw both at different times decides.
        var deciding = Int.max
        var aFirst = false
        for k in a {
            let input = inputs[list[k]]
            guard input < deciding, b.contains(where: { inputs[list[$0]] == input }) else { continue }
            let ta = earliest(a, list, input: input), tb = earliest(b, list, input: input)
            if ta != tb {
                deciding = input
                aFirst = ta < tb
            }
        }
        if deciding != Int.max { return aFirst }
        let ttlA = highestTTL(a, list), ttlB = highestTTL(b, list)
        if ttlA != ttlB { return ttlA > ttlB }
        let ca = earliestCorrected(a, list, offsets), cb = earliestCorrected(b, list, offsets)
        if ca != cb { return ca < cb }
        return tuples[list[a.lowerBound]] < tuples[list[b.lowerBound]]
    }

    private func earliest(_ run: Range<Int>, _ list: [Int], input: Int) -> Int64 {
        var first = Int64.max
        for k in run where inputs[list[k]] == input { first = min(first, time(list[k])) }
        return first
    }

    private func earliestCorrected(_ run: Range<Int>, _ list: [Int], _ offsets: OffsetEstimate) -> Int64 {
        var first = Int64.max
        for k in run { first = min(first, offsets.corrected(time(list[k]), input: inputs[list[k]])) }
        return first
    }

    /// The highest originator TTL of the run's records, 0 when none has one.
    private func highestTTL(_ run: Range<Int>, _ list: [Int]) -> UInt8 {
        var highest: UInt8 = 0
        for k in run {
            if let ttl = records[list[k]].orig.ttl { highest = max(highest, ttl.upperBound) }
        }
        return highest
    }

    private static func allDistinct(_ links: [LinkLeg]) -> Bool {
        for k in links.indices.dropFirst() where links[..<k].contains(links[k]) { return false }
        return true
    }

    private func makeLeg(_ draft: LegDraft, _ list: [Int], rewrites: Rewrite,
                         offsets: OffsetEstimate, _ scratch: inout LegScratch) -> ConnectionLeg {
        let first = list[draft.members.lowerBound]
        var tunnel: TunnelEndpoints?
        if containsLink(draft, list, where: { $0.encapsulated }) {
            for k in draft.members where tunnel == nil { tunnel = records[list[k]].tunnel }
        }
        var observations: [LegObservation] = []
        observations.reserveCapacity(draft.members.count)
        var start = Int64.max
        for k in draft.members {
            let i = list[k]
            scratch.links.removeAll(keepingCapacity: true)
            for count in records[i].linkLegs where count.direction == .orig && draft.holds(count.leg) {
                scratch.links.append(count.leg)
            }
            scratch.links.sort()
            observations.append(LegObservation(point: records[i].point, input: inputs[i], uid: records[i].uid,
                                               record: i, links: scratch.sharedLinks()))
            start = min(start, offsets.corrected(time(i), input: inputs[i]))
        }
        // The leg's distinct links, sorted: a lone record's own when they are distinct
        // (one array for both).
        var links: [LinkLeg]
        if observations.count == 1, Self.allDistinct(observations[0].links) {
            links = observations[0].links
        } else {
            scratch.links.removeAll(keepingCapacity: true)
            forEachLink(draft, list) { link in
                if !scratch.links.contains(link) { scratch.links.append(link) }
            }
            scratch.links.sort()
            links = scratch.sharedLinks()
        }
        // The first member's fields read in place (a `let` of the record copies all of it).
        return ConnectionLeg(protocolNumber: records[first].protocolNumber, origAddress: records[first].origAddress,
                             origPort: records[first].origPort, respAddress: records[first].respAddress,
                             respPort: records[first].respPort,
                             tunnel: tunnel, links: links, observations: observations,
                             rewrites: rewrites, firstTime: Timestamp(rawValue: start))
    }
}

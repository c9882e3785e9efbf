import LVSWire

extension Correlator {
    /// The legs of one group of records, client side first, with their rewrites.
    func buildLegs(_ group: [Int], offsets: OffsetEstimate) -> [ConnectionLeg] {
        var partitions: [(tuple: TupleKey, members: [Int])] = []
        for i in group {
            let tuple = tuples[i]
            if let k = partitions.firstIndex(where: { $0.tuple == tuple }) {
                partitions[k].members.append(i)
            } else {
                partitions.append((tuple, [i]))
            }
        }
        partitions.sort { $0.tuple < $1.tuple }
        var ordered = partitions.map(\.members)
        sortPartitions(&ordered, offsets: offsets)
        let drafts = ordered.flatMap(split)
        var legs: [ConnectionLeg] = []
        for (index, draft) in drafts.enumerated() {
            let rewrites = index == 0 ? Rewrite() : rewrites(from: drafts[index - 1], to: draft)
            legs.append(makeLeg(draft, rewrites: rewrites, offsets: offsets))
        }
        return legs
    }

    /// Splits one 5-tuple's records at a forwarding host when the tuple was seen on both
    /// sides of it: the host whose MAC is the destination of one originator-direction
    /// link and the source of another, and never the source of a reply (a router relays
    /// replies; a DR director never sees them), or the capturing host itself when a
    /// cooked capture shows the packet in and then outgoing. Encapsulated links always
    /// lie after the host.
    func split(_ members: [Int]) -> [LegDraft] {
        let tuple = tuples[members[0]]
        let forwarder = forwardingHost(members)
        func isAfter(_ link: LinkLeg) -> Bool {
            link.encapsulated || (forwarder != nil && link.source == forwarder
                && (link.destination != nil || link.isOutgoing))
        }
        var before = LegDraft(tuple: tuple, hop: 0)
        var after = LegDraft(tuple: tuple, hop: 1)
        for i in members {
            let links = origLinks(i)
            let late = links.filter(isAfter)
            let early = links.filter { !isAfter($0) }
            if !early.isEmpty || late.isEmpty { before.add(i, early) }
            if !late.isEmpty { after.add(i, late) }
        }
        if before.members.isEmpty { return [after] }
        return after.members.isEmpty ? [before] : [before, after]
    }

    private func origLinks(_ i: Int) -> [LinkLeg] {
        records[i].linkLegs.filter { $0.direction == .orig }.map(\.leg)
    }

    private func forwardingHost(_ members: [Int]) -> MACAddress? {
        var links: [LinkLeg] = []
        var replySources: [MACAddress] = []
        for i in members {
            let own = origLinks(i)
            if let out = own.first(where: \.isOutgoing), own.contains(where: { $0.cookedPacketType != nil && !$0.isOutgoing }) {
                return out.source
            }
            links += own
            for leg in records[i].linkLegs where leg.direction == .resp {
                if let source = leg.leg.source { replySources.append(source) }
            }
        }
        var candidates: [MACAddress] = []
        for link in links {
            guard let source = link.source, !replySources.contains(source), !candidates.contains(source),
                  links.contains(where: { $0.destination == source }) else { continue }
            candidates.append(source)
        }
        candidates.sort()
        // With several (a chain of forwarders), the last: its next hop forwards no further.
        return candidates.first { candidate in
            !links.contains { $0.source == candidate && $0.destination.map(candidates.contains) == true }
        } ?? candidates.first
    }

    /// Orders tuples client side first: by time at a point that saw both, else by the
    /// higher TTL (closer to the client), else by offset-corrected time.
    private func sortPartitions(_ partitions: inout [[Int]], offsets: OffsetEstimate) {
        for i in partitions.indices.dropFirst() {
            var j = i
            while j > 0, comesFirst(partitions[j], partitions[j - 1], offsets) {
                partitions.swapAt(j, j - 1)
                j -= 1
            }
        }
    }

    private func comesFirst(_ a: [Int], _ b: [Int], _ offsets: OffsetEstimate) -> Bool {
        var shared: [Int] = []
        for i in a where b.contains(where: { inputs[$0] == inputs[i] }) && !shared.contains(inputs[i]) {
            shared.append(inputs[i])
        }
        for input in shared.sorted() {
            let ta = a.filter { inputs[$0] == input }.map(time).min() ?? 0
            let tb = b.filter { inputs[$0] == input }.map(time).min() ?? 0
            if ta != tb { return ta < tb }
        }
        let ttlA = a.compactMap { records[$0].orig.ttl?.upperBound }.max() ?? 0
        let ttlB = b.compactMap { records[$0].orig.ttl?.upperBound }.max() ?? 0
        if ttlA != ttlB { return ttlA > ttlB }
        let ca = a.map { offsets.corrected(time($0), input: inputs[$0]) }.min() ?? 0
        let cb = b.map { offsets.corrected(time($0), input: inputs[$0]) }.min() ?? 0
        if ca != cb { return ca < cb }
        return tuples[a[0]] < tuples[b[0]]
    }

    private func makeLeg(_ draft: LegDraft, rewrites: Rewrite, offsets: OffsetEstimate) -> ConnectionLeg {
        let first = draft.members[0].record
        let tunnel = draft.links.contains(where: \.encapsulated)
            ? draft.members.lazy.compactMap { self.records[$0.record].tunnel }.first : nil
        let observations = draft.members.map { member in
            LegObservation(point: records[member.record].point, input: inputs[member.record],
                           uid: records[member.record].uid, links: member.links.sorted())
        }
        let start = draft.members.map { offsets.corrected(time($0.record), input: inputs[$0.record]) }.min() ?? 0
        // The first member's fields read in place (a `let` of the record copies all of it).
        return ConnectionLeg(protocolNumber: records[first].protocolNumber, origAddress: records[first].origAddress,
                             origPort: records[first].origPort, respAddress: records[first].respAddress,
                             respPort: records[first].respPort,
                             tunnel: tunnel, links: draft.links.sorted(), observations: observations,
                             rewrites: rewrites, firstTime: Timestamp(rawValue: start))
    }
}

import LVSWire

extension Correlator {
    /// What changed between two consecutive legs (drafts over the records of `list`).
    func rewrites(from a: LegDraft, to b: LegDraft, _ list: [Int]) -> Rewrite {
        var result = Rewrite()
        let ta = a.tupleRecord, tb = b.tupleRecord
        if tuples[ta].origAddress != tuples[tb].origAddress { result.insert(.srcIP) }
        if tuples[ta].origPort != tuples[tb].origPort { result.insert(.srcPort) }
        if tuples[ta].respAddress != tuples[tb].respAddress { result.insert(.dstIP) }
        if tuples[ta].respPort != tuples[tb].respPort { result.insert(.dstPort) }
        let encapsulatedBefore = containsLink(a, list, where: { $0.encapsulated })
        let encapsulatedAfter = containsLink(b, list, where: { $0.encapsulated })
        if encapsulatedAfter, !encapsulatedBefore { result.insert(.encapsulated) }
        if let before = synSequence(a, list), let after = synSequence(b, list), before != after { result.insert(.seq) }
        if tuples[ta] == tuples[tb], encapsulatedBefore == encapsulatedAfter {
            // Same IP packet on the next hop: only the link layer changed (DR).
            result.insert(.dstMAC)
            if sourceChanged(a, b, list) { result.insert(.srcMAC) }
        }
        if ttlRewritten(a, b, list) { result.insert(.ttl) }
        return result
    }

    private func synSequence(_ draft: LegDraft, _ list: [Int]) -> UInt32? {
        for k in draft.members {
            if let sequence = records[list[k]].fingerprint.synSequence { return sequence }
        }
        return nil
    }

    /// The forwarder sent from another MAC than the one the packet was addressed to: the
    /// last known hop into it (a destination no earlier hop starts from; the lowest if
    /// several) against the sources after it. Unknown when the hop in was seen only as
    /// cooked "in".
    private func sourceChanged(_ a: LegDraft, _ b: LegDraft, _ list: [Int]) -> Bool {
        var into: MACAddress?
        forEachLink(a, list) { link in
            guard let destination = link.destination, into.map({ destination < $0 }) ?? true,
                  !containsLink(a, list, where: { $0.source == destination }) else { return }
            into = destination
        }
        guard let destination = into, containsLink(b, list, where: { $0.source != nil }) else { return false }
        return !containsLink(b, list, where: { $0.source == destination })
    }

    /// A forwarding hop lowers the TTL by one or (older IPVS) leaves it. Compared where
    /// one point saw both legs; across points only an increase is evidence, since the
    /// number of routers in between is unknown.
    private func ttlRewritten(_ a: LegDraft, _ b: LegDraft, _ list: [Int]) -> Bool {
        var shared = false
        for k in a.members {
            let input = inputs[list[k]]
            // Each point once: skip one already met in `a`, or that did not see `b`.
            guard !(a.members.lowerBound..<k).contains(where: { inputs[list[$0]] == input }),
                  b.members.contains(where: { inputs[list[$0]] == input }) else { continue }
            shared = true
            if let before = ttl(a, list, input: input, upper: true),
               let after = ttl(b, list, input: input, upper: false), !(0...1).contains(before - after) {
                return true
            }
        }
        guard !shared, let before = ttl(a, list, input: nil, upper: true),
              let after = ttl(b, list, input: nil, upper: true) else { return false }
        return after > before
    }

    /// The highest (`upper`) or lowest originator TTL of the draft's records at `input`
    /// (any when `nil`).
    private func ttl(_ draft: LegDraft, _ list: [Int], input: Int?, upper: Bool) -> Int? {
        var result: Int?
        for k in draft.members where input == nil || inputs[list[k]] == input {
            guard let range = records[list[k]].orig.ttl else { continue }
            let value = Int(upper ? range.upperBound : range.lowerBound)
            result = result.map { upper ? max($0, value) : min($0, value) } ?? value
        }
        return result
    }
}

import LVSWire

extension Correlator {
    /// What changed between two consecutive legs.
    func rewrites(from a: LegDraft, to b: LegDraft) -> Rewrite {
        var result = Rewrite()
        if a.tuple.origAddress != b.tuple.origAddress { result.insert(.srcIP) }
        if a.tuple.origPort != b.tuple.origPort { result.insert(.srcPort) }
        if a.tuple.respAddress != b.tuple.respAddress { result.insert(.dstIP) }
        if a.tuple.respPort != b.tuple.respPort { result.insert(.dstPort) }
        let encapsulatedBefore = a.links.contains(where: \.encapsulated)
        let encapsulatedAfter = b.links.contains(where: \.encapsulated)
        if encapsulatedAfter, !encapsulatedBefore { result.insert(.encapsulated) }
        if let before = synSequence(a), let after = synSequence(b), before != after { result.insert(.seq) }
        if a.tuple == b.tuple, encapsulatedBefore == encapsulatedAfter {
            // Same IP packet on the next hop: only the link layer changed (DR).
            result.insert(.dstMAC)
            if sourceChanged(a, b) { result.insert(.srcMAC) }
        }
        if ttlRewritten(a, b) { result.insert(.ttl) }
        return result
    }

    private func synSequence(_ draft: LegDraft) -> UInt32? {
        draft.members.lazy.compactMap { self.records[$0.record].fingerprint.synSequence }.first
    }

    /// The forwarder sent from another MAC than the one the packet was addressed to: the
    /// last known hop into it (a destination no earlier hop starts from) against the
    /// sources after it. Unknown when the hop in was seen only as cooked "in".
    private func sourceChanged(_ a: LegDraft, _ b: LegDraft) -> Bool {
        let earlierSources = a.links.compactMap(\.source)
        let into = a.links.compactMap(\.destination).filter { !earlierSources.contains($0) }.sorted()
        let sources = b.links.compactMap(\.source)
        guard let destination = into.first, !sources.isEmpty else { return false }
        return !sources.contains(destination)
    }

    /// A forwarding hop lowers the TTL by one or (older IPVS) leaves it. Compared where
    /// one point saw both legs; across points only an increase is evidence, since the
    /// number of routers in between is unknown.
    private func ttlRewritten(_ a: LegDraft, _ b: LegDraft) -> Bool {
        func ttl(_ draft: LegDraft, input: Int?, upper: Bool) -> Int? {
            let values = draft.members.filter { input == nil || inputs[$0.record] == input }
                .compactMap { records[$0.record].orig.ttl }.map { Int(upper ? $0.upperBound : $0.lowerBound) }
            return upper ? values.max() : values.min()
        }
        let inputsB = b.members.map { inputs[$0.record] }
        let shared = Array(Set(a.members.map { inputs[$0.record] }.filter(inputsB.contains))).sorted()
        for input in shared {
            if let before = ttl(a, input: input, upper: true), let after = ttl(b, input: input, upper: false),
               !(0...1).contains(before - after) {
                return true
            }
        }
        guard shared.isEmpty, let before = ttl(a, input: nil, upper: true), let after = ttl(b, input: nil, upper: true)
        else { return false }
        return after > before
    }
}

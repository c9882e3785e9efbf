extension Correlator {
    /// The reference clock: the first point named like a director, else the point that saw
    /// most connections on two legs (it sits between them), else the first input.
    func referenceInput(_ groups: RecordGroups) -> Int {
        if let named = points.firstIndex(where: { $0.lowercased().contains("director") }) { return named }
        // One point is its own reference: no group to count.
        guard points.count > 1 else { return 0 }
        var bothSides = [Int](repeating: 0, count: points.count)
        var counted: [Int] = []  // the points already counted for the group, reused
        for g in 0..<groups.count where groups[g].count > 1 {
            let group = groups[g]
            counted.removeAll(keepingCapacity: true)
            for k in group.indices {
                let i = group[k], input = inputs[i]
                // A point counts once per group, at its first record whose tuple differs
                // from an earlier one's there.
                guard bothSides.indices.contains(input), !counted.contains(input),
                      group[..<k].contains(where: { inputs[$0] == input && tuples[$0] != tuples[i] }) else { continue }
                bothSides[input] += 1
                counted.append(input)
            }
        }
        guard let best = bothSides.max(), best > 0, let input = bothSides.firstIndex(of: best) else { return 0 }
        return input
    }

    /// Step 2: pairwise median offsets between points that saw the same packets, then a
    /// maximum spanning tree (most pairs first) from the reference.
    func clockOffsets(_ groups: RecordGroups, reference: Int) -> OffsetEstimate {
        let edges = offsetEdges(groups)
        var offsets = [Int64?](repeating: nil, count: points.count)
        var pairs = [Int](repeating: 0, count: points.count)
        var via = [Int?](repeating: nil, count: points.count)
        if offsets.indices.contains(reference) { offsets[reference] = 0 }
        while let next = bestEdge(edges, offsets) {
            offsets[next.to] = (offsets[next.from] ?? 0).clampedAdding(next.offset)
            pairs[next.to] = next.pairs
            via[next.to] = next.from == reference ? nil : next.from
        }
        let report = points.indices.map { i in
            ClockOffset(point: points[i], input: i, nanoseconds: offsets[i], pairs: pairs[i], via: via[i].map { points[$0] })
        }
        return OffsetEstimate(offsets: offsets, report: report)
    }

    private struct Edge {
        var from: Int
        var to: Int
        /// Clock of `to` minus clock of `from`.
        var offset: Int64
        var pairs: Int
    }

    /// Median time difference per ordered pair of inputs, from each group's earliest
    /// fingerprinted packet at each input.
    private func offsetEdges(_ groups: RecordGroups) -> [Edge] {
        var samples: [Int: [Int64]] = [:]
        let n = points.count
        // Pairs need two points; one point's groups would be read for nothing.
        guard n > 1 else { return [] }
        var earliest: [(input: Int, time: Int64)] = []  // per group, reused
        for g in 0..<groups.count where groups[g].count > 1 {
            earliest.removeAll(keepingCapacity: true)
            for i in groups[g] {
                guard let t = records[i].fingerprint.firstPacketTime?.rawValue else { continue }
                if let k = earliest.firstIndex(where: { $0.input == inputs[i] }) {
                    earliest[k].time = min(earliest[k].time, t)
                } else {
                    earliest.append((inputs[i], t))
                }
            }
            earliest.sort { $0.input < $1.input }
            for a in earliest.indices {
                for b in earliest.indices where b > a {
                    samples[earliest[a].input * n + earliest[b].input, default: []]
                        .append(earliest[b].time - earliest[a].time)
                }
            }
        }
        var edges: [Edge] = []
        for key in samples.keys.sorted() {
            guard let values = samples[key] else { continue }
            let median = Correlator.median(values)
            edges.append(Edge(from: key / n, to: key % n, offset: median, pairs: values.count))
            edges.append(Edge(from: key % n, to: key / n, offset: -median, pairs: values.count))
        }
        return edges
    }

    /// The edge from a known to an unknown input with the most pairs (ties: lower inputs).
    private func bestEdge(_ edges: [Edge], _ offsets: [Int64?]) -> Edge? {
        var best: Edge?
        for edge in edges where offsets[edge.from] != nil && offsets[edge.to] == nil {
            if let current = best, (current.pairs, -current.to, -current.from) >= (edge.pairs, -edge.to, -edge.from) {
                continue
            }
            best = edge
        }
        return best
    }

    static func median(_ values: [Int64]) -> Int64 {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : .midpoint(sorted[middle - 1], sorted[middle])
    }
}

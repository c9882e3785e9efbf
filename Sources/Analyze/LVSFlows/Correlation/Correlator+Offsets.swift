extension Correlator {
    /// The reference clock: the first point named like a director, else the point that saw
    /// most connections on two legs (it sits between them), else the first input.
    func referenceInput(_ groups: [[Int]]) -> Int {
        if let named = points.firstIndex(where: { $0.lowercased().contains("director") }) { return named }
        var bothSides = [Int](repeating: 0, count: points.count)
        for group in groups {
            var tuples: [Int: Set<TupleKey>] = [:]
            for i in group { tuples[records[i].input, default: []].insert(TupleKey(records[i])) }
            for (input, seen) in tuples where seen.count > 1 && bothSides.indices.contains(input) { bothSides[input] += 1 }
        }
        guard let best = bothSides.max(), best > 0, let input = bothSides.firstIndex(of: best) else { return 0 }
        return input
    }

    /// Step 2: pairwise median offsets between points that saw the same packets, then a
    /// maximum spanning tree (most pairs first) from the reference.
    func clockOffsets(_ groups: [[Int]], reference: Int) -> OffsetEstimate {
        let edges = offsetEdges(groups)
        var offsets = [Int64?](repeating: nil, count: points.count)
        var pairs = [Int](repeating: 0, count: points.count)
        var via = [Int?](repeating: nil, count: points.count)
        if offsets.indices.contains(reference) { offsets[reference] = 0 }
        while let next = bestEdge(edges, offsets) {
            offsets[next.to] = (offsets[next.from] ?? 0) + next.offset
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
    private func offsetEdges(_ groups: [[Int]]) -> [Edge] {
        var samples: [Int: [Int64]] = [:]
        let n = points.count
        for group in groups where group.count > 1 {
            var earliest: [Int: Int64] = [:]
            for i in group {
                guard let t = records[i].fingerprint.firstPacketTime?.rawValue else { continue }
                earliest[records[i].input] = min(earliest[records[i].input] ?? .max, t)
            }
            let inputs = earliest.keys.sorted()
            for (a, i) in inputs.enumerated() {
                for j in inputs[(a + 1)...] {
                    samples[i * n + j, default: []].append((earliest[j] ?? 0) - (earliest[i] ?? 0))
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
        return sorted.count % 2 == 1 ? sorted[middle] : sorted[middle - 1] + (sorted[middle] - sorted[middle - 1]) / 2
    }
}

/// The decided sightings of one service counted by mode, and the winner: most
/// connections, then the stronger basis, then the configured mode, then the order of
/// `InferredMode.allCases`.
struct ModeTally {
    struct Entry {
        var mode: InferredMode
        /// Indexes of the sightings that show the mode.
        var members: [Int]
        var best: ModeBasis
        /// The first sighting read on the best basis.
        var sample: Int
    }

    var entries: [Entry] = []
    var decided = 0

    init(_ sightings: SightingSet, configured: InferredMode?) {
        let modes = InferredMode.allCases
        var members = [[Int]](repeating: [], count: modes.count)
        for index in sightings.indices {
            guard let mode = sightings[index].mode, let slot = modes.firstIndex(of: mode) else { continue }
            members[slot].append(index)
        }
        for (slot, mode) in modes.enumerated() where !members[slot].isEmpty {
            guard let best = members[slot].compactMap({ sightings[$0].basis }).max(),
                  let sample = members[slot].first(where: { sightings[$0].basis == best }) else { continue }
            entries.append(Entry(mode: mode, members: members[slot], best: best, sample: sample))
            decided += members[slot].count
        }
        func rank(_ e: Entry) -> (Int, Int, Int, Int) {
            (e.members.count, e.best.rawValue, e.mode == configured ? 1 : 0,
             -(InferredMode.allCases.firstIndex(of: e.mode) ?? 0))
        }
        entries.sort { rank($0) > rank($1) }
    }

    var winner: Entry? { entries.first }
    var others: ArraySlice<Entry> { entries.dropFirst() }
}

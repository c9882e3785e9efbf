/// The decided sightings of one service counted by mode, and the winner: most
/// connections, then the stronger basis, then the configured mode, then the order of
/// `InferredMode.allCases`.
struct ModeTally {
    struct Entry {
        var mode: InferredMode
        var sightings: [Sighting]
        var best: ModeBasis
    }

    var entries: [Entry] = []
    var decided = 0

    init(_ sightings: [Sighting], configured: InferredMode?) {
        for mode in InferredMode.allCases {
            let matching = sightings.filter { $0.mode == mode }
            guard let best = matching.compactMap(\.basis).max() else { continue }
            entries.append(Entry(mode: mode, sightings: matching, best: best))
            decided += matching.count
        }
        func rank(_ e: Entry) -> (Int, Int, Int, Int) {
            (e.sightings.count, e.best.rawValue, e.mode == configured ? 1 : 0,
             -(InferredMode.allCases.firstIndex(of: e.mode) ?? 0))
        }
        entries.sort { rank($0) > rank($1) }
    }

    var winner: Entry? { entries.first }
    var others: ArraySlice<Entry> { entries.dropFirst() }
}

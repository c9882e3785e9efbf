/// The entries of `RealServerAttempts.tally`: one per distinct (server number, attempt
/// key), holding the best sighting so far and whether any sighting could judge it.
///
/// A stitched connection's attempts are found through a flat table by connection number
/// (the numbers are dense), chained per server: hashing the key enum with `Hasher` cost
/// more than the rest of the tally. Tuple keys, for attempts correlation did not stitch,
/// are hashed.
struct BestSightings {
    /// By entry: the attempt index of the best sighting, and whether any could judge it.
    var best: [(index: Int, judged: Bool)] = []
    /// By entry: its server, and the next entry of the same connection (−1: none).
    private var chain: [(server: Int, next: Int)] = []
    /// By connection number: its first entry + 1 (0: none yet).
    private var byConnection: [Int]
    private var byTuple: [TupleSighting: Int] = [:]

    private struct TupleSighting: Hashable {
        var server: Int
        var key: RealServerAttempt.Key
    }

    /// For connection numbers below `connections`.
    init(connections: Int) {
        byConnection = [Int](repeating: 0, count: connections)
    }

    /// The entry of (`server`, `key`) when there is one; else nil, after adding one whose
    /// best sighting is `first`.
    mutating func entry(server: Int, key: RealServerAttempt.Key, first: Int, judged: Bool) -> Int? {
        switch key {
        case let .connection(number):
            var entry = byConnection[number] - 1
            while entry >= 0, chain[entry].server != server { entry = chain[entry].next }
            if entry >= 0 { return entry }
            chain.append((server, byConnection[number] - 1))
            best.append((first, judged))
            byConnection[number] = best.count
            return nil
        case .tuple:
            let sighting = TupleSighting(server: server, key: key)
            if let entry = byTuple[sighting] { return entry }
            byTuple[sighting] = best.count
            chain.append((server, -1))
            best.append((first, judged))
            return nil
        }
    }
}

/// Votes for candidate values of one topology fact (a MAC, an address), read off many
/// frames. The winner is the value with the most votes; a tie is reported as ambiguous
/// rather than broken by chance. Candidates are listed in sorted order, never in the
/// dictionary's.
struct Tally<Value: Hashable & Comparable & Sendable>: Sendable {
    private(set) var counts: [Value: Int] = [:]

    mutating func add(_ value: Value, _ votes: Int = 1) {
        counts[value, default: 0] += votes
    }

    mutating func merge(_ other: Tally<Value>) {
        for (value, votes) in other.counts { add(value, votes) }
    }

    var isEmpty: Bool { counts.isEmpty }

    /// Candidates, most votes first, then by value.
    func ranked(excluding excluded: Set<Value> = []) -> [(value: Value, votes: Int)] {
        counts.filter { !excluded.contains($0.key) }
            .map { (value: $0.key, votes: $0.value) }
            .sorted { $0.votes != $1.votes ? $0.votes > $1.votes : $0.value < $1.value }
    }

    enum Outcome: Equatable {
        case none
        case unique(Value)
        /// Several candidates share the most votes (sorted).
        case ambiguous([Value])
    }

    func winner(excluding excluded: Set<Value> = []) -> Outcome {
        let ranked = ranked(excluding: excluded)
        guard let first = ranked.first else { return .none }
        let tied = ranked.prefix { $0.votes == first.votes }.map(\.value)
        return tied.count == 1 ? .unique(first.value) : .ambiguous(tied)
    }

    /// The winner when there is exactly one.
    func unique(excluding excluded: Set<Value> = []) -> Value? {
        if case let .unique(value) = winner(excluding: excluded) { return value }
        return nil
    }
}

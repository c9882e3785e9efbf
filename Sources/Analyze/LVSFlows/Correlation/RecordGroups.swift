/// The sets of a `UnionFind` as slices of one array: members sorted by (set, index), so
/// that each set is contiguous and sets come in the order of their smallest member
/// (union-by-index makes that member the root). No array per set.
struct RecordGroups {
    private(set) var members: [Int] = []
    private(set) var bounds: [Int] = [0]

    init(_ sets: inout UnionFind, count: Int) {
        var roots = [Int](repeating: 0, count: count)
        for i in 0..<count { roots[i] = sets.find(i) }
        members = (0..<count).sorted { (roots[$0], $0) < (roots[$1], $1) }
        for i in members.indices.dropFirst() where roots[members[i]] != roots[members[i - 1]] { bounds.append(i) }
        if count > 0 { bounds.append(count) }
    }

    var count: Int { bounds.count - 1 }

    subscript(group: Int) -> ArraySlice<Int> { members[bounds[group]..<bounds[group + 1]] }
}

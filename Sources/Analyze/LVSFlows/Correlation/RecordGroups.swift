/// The sets of a `UnionFind` as slices of one array: members sorted by (set, index), so
/// that each set is contiguous and sets come in the order of their smallest member
/// (union-by-index makes that member the root). No array per set.
struct RecordGroups {
    private(set) var members: [Int] = []
    private(set) var bounds: [Int] = [0]

    init(_ sets: inout UnionFind, count: Int) {
        var roots = [Int](repeating: 0, count: count)
        for i in 0..<count { roots[i] = sets.find(i) }
        // A counting sort by root (roots are record indices): no comparisons, and each
        // set's members stay in index order.
        var next = [Int](repeating: 0, count: count + 1)
        for root in roots { next[root + 1] += 1 }
        for r in next.indices.dropFirst() { next[r] += next[r - 1] }
        members = [Int](repeating: 0, count: count)
        for i in 0..<count {
            members[next[roots[i]]] = i
            next[roots[i]] += 1
        }
        for i in members.indices.dropFirst() where roots[members[i]] != roots[members[i - 1]] { bounds.append(i) }
        if count > 0 { bounds.append(count) }
    }

    var count: Int { bounds.count - 1 }

    subscript(group: Int) -> ArraySlice<Int> { members[bounds[group]..<bounds[group + 1]] }
}

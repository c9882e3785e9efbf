/// A binary min-heap of connection deadlines (nanoseconds of capture time). Entries are
/// `(deadline, slot, generation)`; a slot reused by a later connection has a new generation,
/// so stale entries are recognised and dropped when they surface.
struct ExpiryHeap: Sendable {
    struct Entry: Sendable {
        var deadline: Int64
        var slot: Int32
        var generation: UInt32
    }

    private(set) var entries: [Entry] = []

    var count: Int { entries.count }
    var first: Entry? { entries.first }

    // The sift loops run on the array's buffer: through the array, every swap paid a
    // uniqueness check and two bounds checks, at each of ~17 levels of a busy table's heap.

    mutating func push(_ entry: Entry) {
        entries.append(entry)
        entries.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[child].deadline < heap[parent].deadline else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        }
    }

    mutating func popFirst() -> Entry? {
        guard let top = entries.first else { return nil }
        let last = entries.removeLast()
        guard !entries.isEmpty else { return top }
        entries.withUnsafeMutableBufferPointer { heap in
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count, heap[left].deadline < heap[smallest].deadline { smallest = left }
                if right < heap.count, heap[right].deadline < heap[smallest].deadline { smallest = right }
                if smallest == parent { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }

    mutating func removeAll(keepingCapacity: Bool) {
        entries.removeAll(keepingCapacity: keepingCapacity)
    }
}

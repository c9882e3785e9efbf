import Testing
@testable import LVSForwarding

/// The expiry heap against a sorted reference on seeded random sequences.
@Suite struct ExpiryHeapTests {
    @Test func popsInDeadlineOrder() {
        var random = SeededGenerator(seed: 0x5EED)
        var heap = ExpiryHeap()
        var reference: [Int64] = []
        // Deadlines from a small range, so many are equal.
        for slot in 0..<2_000 {
            let deadline = Int64(random.next() % 500)
            heap.push(.init(deadline: deadline, slot: Int32(slot), generation: 0))
            reference.append(deadline)
        }
        #expect(heap.count == reference.count)
        var popped: [Int64] = []
        while let entry = heap.popFirst() { popped.append(entry.deadline) }
        #expect(popped == reference.sorted())
        #expect(heap.first?.deadline == nil)
    }

    /// Pushes and pops interleaved, as capture time advances: every pop is the smallest
    /// deadline queued at that moment, and the entry pushed with it comes back whole.
    @Test func interleavedPushesAndPops() throws {
        var random = SeededGenerator(seed: 42)
        var heap = ExpiryHeap()
        var reference: [Int64: [Int32]] = [:]
        var queued = 0
        for step in 0..<10_000 {
            if queued == 0 || random.next() % 3 != 0 {
                let deadline = Int64(step) + Int64(random.next() % 1_000)
                heap.push(.init(deadline: deadline, slot: Int32(step), generation: UInt32(step % 7)))
                reference[deadline, default: []].append(Int32(step))
                queued += 1
            } else {
                let popped = heap.popFirst()
                let entry = try #require(popped)
                let smallest = try #require(reference.keys.min())
                #expect(entry.deadline == smallest)
                #expect(entry.generation == UInt32(entry.slot % 7))
                let slots = try #require(reference[smallest])
                #expect(slots.contains(entry.slot))
                reference[smallest] = slots.filter { $0 != entry.slot }
                if reference[smallest]?.isEmpty == true { reference[smallest] = nil }
                queued -= 1
            }
            #expect(heap.count == queued)
        }
    }

    @Test func removeAllEmpties() {
        var heap = ExpiryHeap()
        for slot in 0..<10 { heap.push(.init(deadline: Int64(10 - slot), slot: Int32(slot), generation: 0)) }
        #expect(heap.first?.deadline == 1)
        heap.removeAll(keepingCapacity: true)
        #expect(heap.count == 0)
        #expect(heap.popFirst()?.deadline == nil)
    }
}

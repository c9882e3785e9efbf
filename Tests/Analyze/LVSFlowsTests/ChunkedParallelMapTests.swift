@testable import LVSFlows
import Synchronization
import Testing

/// `inParallelChunks` maps in chunks on two threads and joins them in order.
@Suite struct ChunkedParallelMapTests {
    @Test("results in order for any count and chunk size; every chunk mapped once", arguments: [
        (0, 1), (1, 1), (7, 3), (9, 3), (1000, 7), (1000, 1000), (1000, 5000),
    ])
    func inOrder(_ count: Int, _ chunkSize: Int) {
        let calls = Atomic<Int>(0)
        let elements = Atomic<Int>(0)
        let mapped = inParallelChunks(count: count, chunkSize: chunkSize) { range in
            calls.wrappingAdd(1, ordering: .relaxed)
            elements.wrappingAdd(range.count, ordering: .relaxed)
            #expect(range.count <= chunkSize && !range.isEmpty)
            return range.map { $0 * 3 }
        }
        #expect(mapped == (0..<count).map { $0 * 3 })
        #expect(calls.load(ordering: .relaxed) == (count + chunkSize - 1) / chunkSize)
        #expect(elements.load(ordering: .relaxed) == count)
    }
}

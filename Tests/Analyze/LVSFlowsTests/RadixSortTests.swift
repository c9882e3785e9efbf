@testable import LVSFlows
import Testing

/// The correlation's radix sort must order by key exactly as a stable comparison sort.
@Suite struct RadixSortTests {
    @Test("radix sort equals a stable sort by key", arguments: [0, 1, 2, 1000, 70_000])
    func equalsStableSort(count: Int) {
        // Spread keys (a multiplicative sequence), and keys with few distinct digits and
        // many repeats: passes are skipped and ties are kept.
        let items = (0..<count).map { i in
            let spread = UInt64(i + count) &* 0x9E37_79B9_7F4A_7C15
            let key = i % 3 == 0 ? spread : (spread % 97) << 40 | (spread % 5)
            return KeyedValue(key: key, value: UInt64(i))
        }
        var sorted = items
        RadixSort.sortByKey(&sorted)
        let expected = items.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }
        #expect(sorted.map(\.key) == expected.map(\.element.key))
        #expect(sorted.map(\.value) == expected.map(\.element.value))
    }

    @Test("keys that share every digit are left as they are")
    func allEqual() {
        var items = (0..<500).map { KeyedValue(key: 0xABCD_EF01_2345_6789, value: UInt64($0)) }
        RadixSort.sortByKey(&items)
        #expect(items.map(\.value) == (0..<500).map { UInt64($0) })
    }
}

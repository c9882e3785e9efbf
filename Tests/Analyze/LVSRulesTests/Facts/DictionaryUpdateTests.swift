@testable import LVSRules
import Testing

/// `Dictionary.update` changes an entry in place, starting from the default only when the
/// key is new.
struct DictionaryUpdateTests {
    @Test func startsFromTheDefaultOnlyForNewKeys() {
        var entries: [String: (count: Int, seen: [Int])] = [:]
        for (key, value) in [("a", 1), ("b", 2), ("a", 3)] {
            entries.update(key, default: (0, [])) { entry in
                entry.count += 1
                entry.seen.append(value)
            }
        }
        #expect(entries["a"]?.count == 2)
        #expect(entries["a"]?.seen == [1, 3])
        #expect(entries["b"]?.count == 1)
        #expect(entries["b"]?.seen == [2])
        #expect(entries.count == 2)
    }
}

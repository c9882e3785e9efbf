@testable import LVSInference
import Testing

/// `Dictionary.number(of:)` gives a new key the next number (the count before it) and an
/// old key its own, in one lookup.
struct DictionaryNumberingTests {
    @Test func numbersNewKeysInOrderAndKeepsOldOnes() {
        var numbers: [String: Int] = [:]
        #expect(numbers.number(of: "b") == 0)
        #expect(numbers.number(of: "a") == 1)
        #expect(numbers.number(of: "b") == 0)
        #expect(numbers.number(of: "c") == 2)
        #expect(numbers.number(of: "a") == 1)
        #expect(numbers == ["b": 0, "a": 1, "c": 2])
    }
}

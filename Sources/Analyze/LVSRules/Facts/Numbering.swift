/// Dense numbers for keys in the order they are first seen. The facts number a few
/// services, real servers or local addresses per analysis but ask for them once per flow
/// record: while the keys are few, comparing each is cheaper than hashing one (`Hasher`
/// costs a few hundred instructions per key), so the keys are scanned; past `scanLimit`
/// a dictionary takes over.
struct Numbering<Key: Hashable> {
    /// The keys, by number.
    private(set) var keys: [Key] = []
    private var numbers: [Key: Int] = [:]
    static var scanLimit: Int { 16 }

    /// The number of `key`, given the next one when it is new.
    mutating func number(_ key: Key) -> Int {
        if keys.count <= Self.scanLimit {
            if let number = keys.firstIndex(of: key) { return number }
        } else if let number = numbers[key] {
            return number
        }
        keys.append(key)
        if keys.count == Self.scanLimit + 1 {
            for (number, known) in keys.enumerated() { numbers[known] = number }
        } else if keys.count > Self.scanLimit + 1 {
            numbers[key] = keys.count - 1
        }
        return keys.count - 1
    }

    /// The number of `key`, if it has one.
    func number(of key: Key) -> Int? {
        keys.count <= Self.scanLimit ? keys.firstIndex(of: key) : numbers[key]
    }

    /// For each number, its key's place when the keys are sorted by `areInIncreasingOrder`.
    func ranks(by areInIncreasingOrder: (Key, Key) -> Bool) -> [Int] {
        var ranks = [Int](repeating: 0, count: keys.count)
        for (rank, number) in keys.indices.sorted(by: { areInIncreasingOrder(keys[$0], keys[$1]) }).enumerated() {
            ranks[number] = rank
        }
        return ranks
    }
}

extension Numbering: Sendable where Key: Sendable {}

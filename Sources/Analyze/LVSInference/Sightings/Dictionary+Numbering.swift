extension Dictionary where Value == Int {
    /// The number of `key`, or the next one (`count`) stored for it when it has none: one
    /// lookup where a read and then an insert hash a new key twice.
    mutating func number(of key: Key) -> Int {
        let next = count
        return Self.value(&self[key, default: next])
    }

    private static func value(_ number: inout Int) -> Int { number }
}

extension Dictionary {
    /// Changes the value at `key` in place, starting from `initial` when there is none. A
    /// value taken out, changed and stored back shares its sets and arrays with the table
    /// while it changes, so each change copied them whole (quadratic in the entries of a key).
    mutating func update(_ key: Key, default initial: @autoclosure () -> Value, _ change: (inout Value) -> Void) {
        change(&self[key, default: initial()])
    }
}

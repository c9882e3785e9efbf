/// Results the process keeps until it exits instead of freeing them when a command
/// returns: a million-packet capture's records and analysis take about 5% of the run to
/// free piece by piece, and the process ends right after anyway.
enum ProcessLifetime {
    // Touched only on the main thread, by a command's `run`, just before it returns.
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) {
        kept.append(value)
    }
}

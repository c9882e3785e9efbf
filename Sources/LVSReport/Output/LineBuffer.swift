/// Lines written into memory, to be handed whole to an `OutputSink` later: the flow
/// listing formats one run of lines on a second thread while the sink's thread formats
/// the run before it.
///
/// Used by one thread at a time, handed over by a thread join: hence `@unchecked Sendable`.
final class LineBuffer: @unchecked Sendable {
    private(set) var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// Appends one line written field by field, then a newline.
    func writeLine(_ body: (inout LineBytes) -> Void) {
        var line = LineBytes(start: start, count: count, capacity: capacity)
        body(&line)
        line.newline()
        start = line.start
        count = line.count
        capacity = line.capacity
    }
}

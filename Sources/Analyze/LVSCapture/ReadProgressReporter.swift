import Glibc

/// Sends `ReadProgress` reports at a steady pace while captures are read: the first once
/// reading has taken `delay` (a short run reports nothing), then one per `interval`, and
/// a last one when reading ends if any was sent before it. `note` reads the clock: a
/// reading loop calls `packetRead` per packet, which notes once per `stride` packets.
public struct ReadProgressReporter {
    /// Packets between two looks at the clock.
    public static let stride = 1024

    public struct Pace: Sendable {
        /// Nanoseconds of reading before the first report.
        public var delay: Int64
        /// Nanoseconds between reports.
        public var interval: Int64

        public init(delay: Int64 = 500_000_000, interval: Int64 = 200_000_000) {
            self.delay = delay
            self.interval = interval
        }
    }

    private let handler: ReadProgressHandler
    private let pace: Pace
    private let totalBytes: Int
    private var nextReport: Int64
    private var reported = false
    private var untilNote = ReadProgressReporter.stride

    /// For `readers`, whose sizes add up to the total reported.
    public init(handler: @escaping ReadProgressHandler, pace: Pace = Pace(), readers: [CaptureReader]) {
        self.handler = handler
        self.pace = pace
        totalBytes = readers.reduce(0) { $0 + $1.fileSize }
        nextReport = ReadProgressReporter.now() &+ pace.delay
    }

    /// Counts one packet read from `readers`; notes progress once per `stride` of them.
    public mutating func packetRead(_ readers: [CaptureReader]) {
        untilNote -= 1
        guard untilNote == 0 else { return }
        untilNote = ReadProgressReporter.stride
        note(readers, finished: false)
    }

    /// Reports if it is time to (or reading has ended), with the readers' positions.
    public mutating func note(_ readers: [CaptureReader], finished: Bool) {
        if finished {
            guard reported else { return }
        } else {
            let now = ReadProgressReporter.now()
            guard now >= nextReport else { return }
            nextReport = now &+ pace.interval
        }
        reported = true
        let read = readers.reduce(0) { $0 + $1.bytesRead }
        handler(ReadProgress(bytesRead: finished ? totalBytes : read, totalBytes: totalBytes, finished: finished))
    }

    private static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
    }
}

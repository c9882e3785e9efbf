import Glibc
import LVSCapture

/// Sends `ReadProgress` reports at a steady pace while captures are read: the first once
/// reading has taken `delay` (a short run reports nothing), then one per `interval`, and
/// a last one when reading ends if any was sent before it. The clock is read once per
/// batch of packets, not per packet.
struct ProgressReporter {
    struct Pace {
        /// Nanoseconds of reading before the first report.
        var delay: Int64 = 500_000_000
        /// Nanoseconds between reports.
        var interval: Int64 = 200_000_000
    }

    private let handler: ReadProgressHandler
    private let pace: Pace
    private let totalBytes: Int
    private var nextReport: Int64
    private var reported = false

    init(handler: @escaping ReadProgressHandler, pace: Pace, totalBytes: Int) {
        self.handler = handler
        self.pace = pace
        self.totalBytes = totalBytes
        nextReport = ProgressReporter.now() &+ pace.delay
    }

    /// Reports if it is time to (or reading has ended), with the readers' positions.
    mutating func note(_ readers: [CaptureReader], finished: Bool) {
        if finished {
            guard reported else { return }
        } else {
            let now = ProgressReporter.now()
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

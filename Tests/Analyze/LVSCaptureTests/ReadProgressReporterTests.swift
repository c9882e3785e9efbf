import LVSCapture
import LVSTestSupport
import Synchronization
import Testing

/// The pace of progress reports: none before the delay (nor an end report for a run that
/// showed nothing), then the readers' positions, then the whole file, finished.
@Suite struct ReadProgressReporterTests {
    private func collecting() -> (ReadProgressHandler, @Sendable () -> [ReadProgress]) {
        let seen = Mutex<[ReadProgress]>([])
        return ({ progress in seen.withLock { $0.append(progress) } }, { seen.withLock { $0 } })
    }

    @Test func reportsPositionsThenTheWholeFile() throws {
        let reader = try CaptureReader(path: try fixture("lvs-nat.pcap"))
        let (handler, seen) = collecting()
        var reporter = ReadProgressReporter(handler: handler, pace: .init(delay: 0, interval: 0), readers: [reader])
        for _ in 0..<100 { _ = try reader.nextPacket() }
        reporter.note([reader], finished: false)
        let halfway = reader.bytesRead
        while try reader.nextPacket() != nil {}
        reporter.note([reader], finished: true)
        #expect(halfway > 24 && halfway < reader.fileSize)
        #expect(seen() == [ReadProgress(bytesRead: halfway, totalBytes: reader.fileSize, finished: false),
                           ReadProgress(bytesRead: reader.fileSize, totalBytes: reader.fileSize, finished: true)])
    }

    @Test func quietBeforeTheDelayAndAtTheEndOfAQuietRun() throws {
        let reader = try CaptureReader(path: try fixture("lvs-nat.pcap"))
        let (handler, seen) = collecting()
        var reporter = ReadProgressReporter(handler: handler, pace: .init(delay: 60_000_000_000), readers: [reader])
        while try reader.nextPacket() != nil { reporter.note([reader], finished: false) }
        reporter.note([reader], finished: true)
        #expect(seen().isEmpty)
    }

    @Test func packetReadNotesOncePerStride() throws {
        let reader = try CaptureReader(path: try fixture("lvs-nat.pcap"))
        let (handler, seen) = collecting()
        var reporter = ReadProgressReporter(handler: handler, pace: .init(delay: 0, interval: 0), readers: [reader])
        for _ in 0..<(3 * ReadProgressReporter.stride - 1) { reporter.packetRead([reader]) }
        #expect(seen().count == 2)
    }

    @Test func waitsAnIntervalBetweenReports() throws {
        let reader = try CaptureReader(path: try fixture("lvs-nat.pcap"))
        let (handler, seen) = collecting()
        var reporter = ReadProgressReporter(handler: handler, pace: .init(delay: 0, interval: 60_000_000_000),
                                            readers: [reader])
        while try reader.nextPacket() != nil { reporter.note([reader], finished: false) }
        #expect(seen().count == 1)
    }
}

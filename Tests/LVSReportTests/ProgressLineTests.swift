import LVSCapture
@testable import LVSReport
import Testing

/// The progress line's text: a share rounded down (100% only when all is read), sizes in
/// decimal megabytes.
@Suite struct ProgressLineTests {
    @Test func reading() {
        let progress = ReadProgress(bytesRead: 297_000_000, totalBytes: 661_601_932, finished: false)
        #expect(ProgressLine.text(progress) == "lvscope: reading captures: 44% of 662 MB")
        let almost = ReadProgress(bytesRead: 661_601_931, totalBytes: 661_601_932, finished: false)
        #expect(ProgressLine.text(almost) == "lvscope: reading captures: 99% of 662 MB")
    }

    @Test func finished() {
        let progress = ReadProgress(bytesRead: 5_240_000, totalBytes: 5_240_000, finished: true)
        #expect(ProgressLine.text(progress) == "lvscope: read 5.2 MB; building the results...")
    }

    @Test func sizesAndShares() {
        #expect(ProgressLine.megabytes(68_068) == "0.1 MB")
        #expect(ProgressLine.megabytes(9_960_000) == "10.0 MB")
        #expect(ProgressLine.megabytes(12_400_000) == "12 MB")
        #expect(ProgressLine.megabytes(0) == "0.0 MB")
        // A file that grew while read, and empty files, never pass 100%.
        #expect(ReadProgress(bytesRead: 20, totalBytes: 10, finished: false).fraction == 1)
        #expect(ReadProgress(bytesRead: 0, totalBytes: 0, finished: false).fraction == 1)
    }
}

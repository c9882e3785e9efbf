import LVSCapture

/// The text of a reading-progress report (`ReadProgress`), short enough for an 80-column
/// terminal: `lvscope: reading captures: 45% of 662 MB`, then, once read,
/// `lvscope: read 662 MB; building the results...`.
public enum ProgressLine {
    public static func text(_ progress: ReadProgress) -> String {
        let size = megabytes(progress.totalBytes)
        if progress.finished { return "lvscope: read \(size); building the results..." }
        // Rounded down: 100% only once everything is read.
        return "lvscope: reading captures: \(Int(progress.fraction * 100))% of \(size)"
    }

    /// Decimal megabytes, with a tenth below 10 MB.
    static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_000_000
        if value >= 10 { return "\(Int(value.rounded())) MB" }
        return "\((value * 10).rounded() / 10) MB"
    }
}

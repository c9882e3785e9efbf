import Glibc
import LVSCapture
import LVSReport
import Synchronization

/// How far reading has got, as one line on standard error that rewrites itself, when
/// standard error is a terminal (DESIGN.md §4: progress never goes to a file or a pipe,
/// where it would mix with the one error line). Runs shorter than half a second show
/// nothing (`ReadProgressReporter`). `clear()` wipes the line before anything else is written.
final class TerminalProgress: Sendable {
    /// Whether a line is on the screen.
    private let shown = Atomic<Bool>(false)
    private let enabled: Bool

    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    init(enabled: Bool = TerminalProgress.standardErrorIsTerminal) {
        self.enabled = enabled
    }

    /// The handler to give the analysis, nil when standard error is not a terminal.
    var handler: ReadProgressHandler? {
        guard enabled else { return nil }
        return { [self] progress in show(ProgressLine.text(progress)) }
    }

    /// Runs `body` with the handler and wipes the line afterwards, also when it throws.
    func during<T>(_ body: (ReadProgressHandler?) throws -> T) rethrows -> T {
        defer { clear() }
        return try body(handler)
    }

    private func show(_ text: String) {
        // Carriage return, the text, then erase to the end of the line (a shorter text
        // would leave the tail of a longer one).
        write("\r" + text + "\u{1B}[K")
        shown.store(true, ordering: .releasing)
    }

    func clear() {
        guard shown.exchange(false, ordering: .acquiringAndReleasing) else { return }
        write("\r\u{1B}[K")
    }

    private func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = Glibc.write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
    }
}

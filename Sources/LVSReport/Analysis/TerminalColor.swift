import LVSRules

/// ANSI SGR colour sequences (ECMA-48 §8.3.117) for the text report on a terminal. They
/// are added after wrapping, so they never count toward the 100 columns.
struct TerminalColor {
    var enabled: Bool

    func paint(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { paint(text, "1") }

    /// Red for errors, yellow for warnings, cyan for notices.
    func severity(_ text: String, _ severity: Severity) -> String {
        paint(text, severity == .error ? "1;31" : severity == .warning ? "1;33" : "36")
    }

    /// The verdict: red with errors, yellow with warnings only, green when healthy.
    func verdict(_ text: String, _ summary: AnalysisSummary) -> String {
        paint(text, summary.errors > 0 ? "1;31" : summary.warnings > 0 ? "1;33" : "1;32")
    }
}

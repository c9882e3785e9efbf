import LVSRules

/// `lvscope check`'s gate: the findings at or above `--fail-on` fail the check (exit 1).
public struct CheckVerdict: Hashable, Sendable {
    public let failOn: Severity
    public let errors: Int
    public let warnings: Int
    public let notices: Int
    /// Findings at or above `failOn`.
    public let failing: Int

    public init(findings: [Finding], failOn: Severity) {
        self.failOn = failOn
        errors = findings.filter { $0.severity == .error }.count
        warnings = findings.filter { $0.severity == .warning }.count
        notices = findings.filter { $0.severity == .notice }.count
        failing = findings.filter { $0.severity >= failOn }.count
    }

    public var passed: Bool { failing == 0 }

    /// `check: PASS (...)` / `check: FAIL (...)`, one line.
    public var line: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let counts = "\(count(errors, "error")), \(count(warnings, "warning")), \(count(notices, "notice"))"
        return passed ? "check: PASS (\(counts); failing on \(failOn.rawValue))"
            : "check: FAIL (\(count(failing, "finding")) at or above \(failOn.rawValue); \(counts))"
    }
}

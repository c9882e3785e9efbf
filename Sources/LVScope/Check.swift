import LVSCapture
import LVSConfig
import LVSReport
import LVSRules

/// The facade of `lvscope check`: an analysis judged by `--fail-on` (DESIGN.md §4: exit 0
/// pass, 1 fail, 2 bad input).
public enum Check {
    /// The configuration's warnings go to `warn` as soon as it is read.
    public static func run(inputs: [CaptureInput], options: AnalysisOptions, failOn: Severity,
                           warn: (ConfigWarning) -> Void = { _ in }) throws -> CheckResult {
        let analysis = try Analysis.run(inputs: inputs, options: options, warn: warn)
        return CheckResult(analysis: analysis, verdict: CheckVerdict(findings: analysis.findings, failOn: failOn))
    }
}

/// An analysis and its verdict, with the JUnit document CI attaches.
public struct CheckResult: Sendable {
    public var analysis: AnalysisResult
    public var verdict: CheckVerdict

    /// One testsuite per virtual service (seen, or configured: inference lists both), one
    /// testcase per rule.
    public func junit() -> JUnitReport {
        JUnitReport(findings: analysis.findings, services: analysis.inference.services.map(\.service),
                    failOn: verdict.failOn)
    }
}

import ArgumentParser
import LVScope
import LVSReport
import LVSRules

/// `lvscope check`: the analysis as a CI gate (DESIGN.md §4: exit 0 pass, 1 fail, 2 bad input).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Analyze captures and fail (exit 1) on findings at or above a severity: a CI gate.",
        discussion: """
            The analysis of `lvscope analyze` (same inputs and options), then a verdict: \
            findings at or above --fail-on fail the check. text: the analysis report \
            followed by one line `check: PASS (...)` or `check: FAIL (...)`; json: the \
            lvscope.analysis.v1 document, the verdict line on standard error; html: the \
            page of `analyze --format html`, the verdict line on standard error. --junit \
            writes JUnit XML: one testsuite per virtual service (and one for findings of \
            no service), one testcase per rule (Reports/schema/junit-mapping.md).
            """
    )

    @Option(help: "Report format: text, json or html.")
    var format: AnalysisFormat = .text

    @Option(help: "Colour the text report: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @Option(name: .shortAndLong, help: "Write the report to FILE instead of standard output.")
    var output: String?

    @Option(help: "Fail on findings of this severity or worse: error, warning or notice.")
    var failOn: Severity = .error

    @Option(help: "Write the verdict as JUnit XML to FILE.")
    var junit: String?

    @OptionGroup var analysis: AnalysisArguments

    func run() throws {
        let outputs = [("--output", output), ("--junit", junit)]
        try OutputTargets.check(outputs, inputs: analysis.inputPaths, standardOutput: "--output")
        let result = try TerminalProgress().during { progress in
            try Check.run(inputs: analysis.captures, options: analysis.options(progress: progress), failOn: failOn,
                          warn: warn)
        }
        try OutputTargets.check(outputs, inputs: analysis.inputPaths + result.analysis.includedFiles)
        // Both are written in full before either takes its name: a failure leaves the
        // report and an earlier JUnit file as they were.
        let junitSink = try junit.map { try OutputSink.staged($0) }
        let sink = try OutputSink.staged(output)
        let report = try result.analysis.rendered(format, color: color.enabled(writingTo: output))
        switch format {
        case .text: try sink.write(report + "\n" + result.verdict.line + "\n")
        case .json, .html: try sink.write(report)
        }
        try sink.flush()
        try junitSink?.write(result.junit().document())
        try junitSink?.flush()
        try sink.commit()
        try junitSink?.commit()
        // After the JUnit file: a write that fails there leaves its error as the one line.
        if format != .text { writeStandardError(result.verdict.line) }
        for point in result.analysis.flows.points where point.truncatedTail {
            warn("capture file ends inside its last record (\(point.input.path))")
        }
        ProcessLifetime.keep(result)
        if !result.verdict.passed { throw ExitCode(1) }
    }
}

extension Severity: ExpressibleByArgument {}

import Foundation
import LVSCapture
import LVScope
import LVSReport
import LVSRules
import LVSTestSupport

/// The four reports of a lab scenario as an operator gets them: every capture point of
/// the scenario with its `Fixtures/config/<scenario>.ipvsadm`, paths relative to the
/// repository root (so the files are the same in every checkout), JUnit with the default
/// `--fail-on error`. The analysis runs once per scenario.
enum GoldenReports {
    static let files = ["report.txt", "report.json", "report.html", "junit.xml"]

    /// `LVSCOPE_RECORD=1 swift test --filter Golden` rewrites the goldens.
    static var recording: Bool { ProcessInfo.processInfo.environment["LVSCOPE_RECORD"] == "1" }

    /// The analysis of every point of scenario `name` with its configuration.
    static func analyze(_ name: String) throws -> AnalysisResult {
        let root = try FixturePaths.repositoryRoot().path
        let scenario = try ScenarioCatalog.load(name)
        let inputs = scenario.captures.map {
            CaptureInput(point: $0.point, path: "Fixtures/captures/\(name)/\($0.file)")
        }
        let options = AnalysisOptions(configPath: "Fixtures/config/\(name).ipvsadm", directory: root)
        return try Analysis.run(inputs: inputs, options: options)
    }

    static func render(_ name: String) throws -> [(file: String, content: String)] {
        let root = try FixturePaths.repositoryRoot().path
        let result = try analyze(name)
        let junit = JUnitReport(findings: result.findings, services: result.inference.services.map(\.service),
                                failOn: .error)
        return [("report.txt", try result.rendered(.text)), ("report.json", try result.rendered(.json)),
                ("report.html", try result.rendered(.html, directory: root)), ("junit.xml", junit.document())]
    }

    static func directory(_ name: String) throws -> URL {
        try FixturePaths.repositoryRoot().appendingPathComponent("Reports/golden/\(name)")
    }

    /// The first line where `actual` and `expected` differ, for a readable failure.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, e.count) {
            let x = i < a.count ? String(a[i]) : "<end>"
            let y = i < e.count ? String(e[i]) : "<end>"
            if x != y { return "line \(i + 1):\n  got      \(x)\n  expected \(y)" }
        }
        return "identical lines, different bytes"
    }
}

import Foundation
import LVSTestSupport
import Testing

/// `Reports/golden/<scenario>/` holds report.txt, report.json, report.html and junit.xml
/// for every lab scenario; each run regenerates them and compares byte for byte.
/// `LVSCOPE_RECORD=1 swift test --filter Golden` re-records them.
@Suite struct GoldenReportTests {
    static let scenarios = (try? ScenarioCatalog.names()) ?? []

    @Test func everyScenarioHasGoldens() throws {
        #expect(Self.scenarios.count >= 20, "the lab scenarios are found")
        let golden = try FixturePaths.repositoryRoot().appendingPathComponent("Reports/golden")
        let folders = try FileManager.default.contentsOfDirectory(atPath: golden.path).sorted()
        #expect(folders == Self.scenarios, "one golden folder per scenario, no stale ones")
    }

    @Test(arguments: scenarios) func reportsMatchTheGoldens(_ name: String) throws {
        let directory = try GoldenReports.directory(name)
        let outputs = try GoldenReports.render(name)
        if GoldenReports.recording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (file, content) in outputs {
                try content.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
            }
            return
        }
        for (file, content) in outputs {
            let path = directory.appendingPathComponent(file).path
            let expected = try String(contentsOfFile: path, encoding: .utf8)
            // A Bool, so a failure prints the first differing line rather than both documents.
            let same = content == expected
            let difference = same ? "" : GoldenReports.firstDifference(content, expected)
            #expect(same, "\(name)/\(file) differs from the golden (LVSCOPE_RECORD=1 to re-record): \(difference)")
        }
    }
}

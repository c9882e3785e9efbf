import Foundation
import LVSTestSupport
import Testing

/// `lvscope flows` as a process.
@Suite struct FlowsCommandTests {
    /// A point name may hold a tab or a newline (NAME=PATH); TSV escapes it in the rows and
    /// in the clock trailer alike, so every line keeps its columns.
    @Test func pointNamesAreEscapedInEveryLine() throws {
        let path = try FixturePaths.repositoryRoot().appendingPathComponent("Fixtures/captures/dr-ok/rs1.pcap").path
        let outcome = try CommandRunner.run(["flows", "a\tb\nc=\(path)"])
        #expect(outcome.status == 0, "\(outcome.error)")
        let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let columns = try #require(lines.first { $0.hasPrefix("#fields") }).split(separator: "\t").count - 1
        let rows = lines.filter { !$0.hasPrefix("#") }
        let widths = Set(rows.map { $0.split(separator: "\t", omittingEmptySubsequences: false).count })
        #expect(widths == [columns])
        #expect(lines.contains("#clock_reference\ta\\tb\\nc"))
        #expect(lines.contains { $0.hasPrefix("#clock_offset\ta\\tb\\nc\t") })
    }
}

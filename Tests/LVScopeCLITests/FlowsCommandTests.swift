import Foundation
import LVSTestSupport
import Testing

/// `lvscope flows` as a process.
@Suite struct FlowsCommandTests {
    /// A point name holding a tab or a newline would split report lines and TSV columns:
    /// refused as bad input, before anything is written.
    @Test func pointNamesWithControlCharactersAreRefused() throws {
        let path = try FixturePaths.repositoryRoot().appendingPathComponent("Fixtures/captures/dr-ok/rs1.pcap").path
        let outcome = try CommandRunner.run(["flows", "a\tb\nc=\(path)"])
        #expect(outcome.status == 2 && outcome.output.isEmpty)
        #expect(outcome.error.hasPrefix("lvscope: error: ") && outcome.error.filter { $0 == "\n" }.count == 1)
        #expect(outcome.error.contains("the capture point name holds control characters (a\\tb\\nc="),
                "\(outcome.error)")
    }
}

import Foundation
import LVSTestSupport
import Testing

/// `lvscope rules` as a user runs it: exit 0 in each format, the markdown is
/// Reports/rules.md byte for byte.
@Suite struct RulesCommandTests {
    @Test func markdownIsTheCommittedCatalogue() throws {
        let result = try CommandRunner.run(["rules", "--format", "markdown"])
        #expect(result.status == 0)
        let committed = try String(contentsOfFile: FixturePaths.repositoryRoot()
            .appendingPathComponent("Reports/rules.md").path, encoding: .utf8)
        #expect(result.output == committed)
    }

    @Test func jsonAndText() throws {
        let json = try CommandRunner.run(["rules", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "lvscope.rules.v1")
        let rules = try #require(object["rules"] as? [[String: String]])
        let text = try CommandRunner.run(["rules"])
        #expect(text.status == 0)
        for rule in rules { #expect(text.output.contains("\(rule["id"] ?? "?")  [\(rule["category"] ?? "?"), ")) }
    }

    @Test func unknownFormatIsExitTwo() throws {
        let result = try CommandRunner.run(["rules", "--format", "html"])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("lvscope: error: "))
    }
}

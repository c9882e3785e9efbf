import Foundation
@testable import LVSReport
import LVSRules
import LVSTestSupport
import Testing

/// The rule catalogue: well-formed ids and texts, every category covered, and
/// `Reports/rules.md` equal to `lvscope rules --format markdown` (re-record with
/// `LVSCOPE_RECORD=1`).
@Suite struct RuleCatalogReportTests {
    static let report = RuleCatalogReport(generator: "lvscope test")

    @Test func rulesMarkdownIsCurrent() throws {
        let path = try FixturePaths.repositoryRoot().appendingPathComponent("Reports/rules.md").path
        let markdown = Self.report.rendered(.markdown)
        if ProcessInfo.processInfo.environment["LVSCOPE_RECORD"] == "1" {
            try markdown.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(committed == markdown, "Reports/rules.md is stale: run `lvscope rules --format markdown > Reports/rules.md`")
    }

    @Test func idsAreUniqueKebabCase() {
        let ids = RuleCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(id)")
        }
    }

    @Test func everyCategoryHasARule() {
        let covered = Set(RuleCatalog.all.map(\.category))
        #expect(FindingCategory.allCases.filter { !covered.contains($0) }.isEmpty)
    }

    @Test func everyRuleExplainsItself() {
        for rule in RuleCatalog.all {
            #expect(!rule.title.isEmpty && !rule.rationale.isEmpty && !rule.remediation.isEmpty, "\(rule.id)")
            #expect(rule.rationale.count > 150, "\(rule.id): a rationale says what the wire shows and what it ignores")
        }
    }

    /// Each rule's file opens with its rationale, the failure it catches, its benign
    /// look-alikes and the fixture that shows it.
    @Test func everyRuleFileHasItsHeader() throws {
        let folder = try FixturePaths.repositoryRoot().appendingPathComponent("Sources/Analyze/LVSRules/Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count == RuleCatalog.all.count)
        for file in files {
            let text = try String(contentsOfFile: folder.appendingPathComponent(file).path, encoding: .utf8)
            for part in ["/// Rationale:", "/// Failure caught", "/// Benign look-alikes", "/// Fixture"] {
                #expect(text.contains(part), "\(file) lacks \(part)")
            }
        }
    }

    @Test func jsonListsEveryRuleInOrder() throws {
        let data = Data(Self.report.rendered(.json).utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["schema"] as? String == "lvscope.rules.v1")
        let rules = try #require(root["rules"] as? [[String: String]])
        #expect(rules.map { $0["id"] ?? "" } == RuleCatalog.all.map(\.id))
        #expect(rules.allSatisfy { $0.keys.sorted() == ["category", "id", "rationale", "remediation", "severity", "title"] })
    }

    /// Table cells escape pipes; `<DIP>`-style placeholders outside code spans are escaped.
    @Test func markdownEscaping() {
        #expect(RuleCatalogReport.cell("a | b") == "a \\| b")
        #expect(RuleCatalogReport.inline("via <DIP> or `ip route add <CIP>/32`") == "via &lt;DIP&gt; or `ip route add <CIP>/32`")
    }
}

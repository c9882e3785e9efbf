import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LVSTestSupport
import Testing

/// `lvscope check` as a CI gate on lab scenarios: exit 0 on a healthy deployment, 1 on a
/// broken one (with the failing rule in the JUnit XML), 2 on bad input; `--fail-on` moves
/// the bar.
@Suite struct CheckCommandTests {
    /// The scenario's captures (all points) and its ipvsadm configuration, as arguments.
    static func arguments(_ scenario: String) throws -> [String] {
        let root = try FixturePaths.repositoryRoot()
        let directory = root.appendingPathComponent("Fixtures/captures/\(scenario)")
        let captures = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".pcap") }.sorted()
            .map { directory.appendingPathComponent($0).path }
        return ["--config", root.appendingPathComponent("Fixtures/config/\(scenario).ipvsadm").path] + captures
    }

    static func junit(_ path: String) throws -> XMLElement {
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: path))
        return try #require(document.rootElement())
    }

    /// The `<testcase>` elements with a `<failure>`, as "suite/rule".
    static func failedCases(_ root: XMLElement) throws -> [String] {
        try root.nodes(forXPath: "//testcase[failure]").compactMap { node in
            guard let test = node as? XMLElement, let suite = test.parent as? XMLElement else { return nil }
            return "\(suite.attribute(forName: "name")?.stringValue ?? "")/\(test.attribute(forName: "name")?.stringValue ?? "")"
        }
    }

    @Test func healthyDeploymentPasses() throws {
        let directory = try TemporaryDirectory()
        let junit = directory.path("junit.xml")
        let outcome = try CommandRunner.run(["check", "--junit", junit] + Self.arguments("nat-ok"))
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.hasSuffix("\ncheck: PASS (0 errors, 0 warnings, 0 notices; failing on error)\n"))
        let root = try Self.junit(junit)
        #expect(try Self.failedCases(root).isEmpty)
        let suites = root.elements(forName: "testsuite").compactMap { $0.attribute(forName: "name")?.stringValue }
        #expect(suites == ["tcp 198.51.100.10:80", "captures and configuration"])
        let rules = try CommandRunner.run(["rules", "--format", "json"]).output
        let ruleCount = rules.components(separatedBy: "\"id\": ").count - 1
        #expect(root.elements(forName: "testsuite").allSatisfy {
            $0.elements(forName: "testcase").count == ruleCount
        }, "one testcase per rule of the catalogue")
        #expect(root.attribute(forName: "failures")?.stringValue == "0")
    }

    @Test func brokenDeploymentFails() throws {
        let directory = try TemporaryDirectory()
        let junit = directory.path("junit.xml")
        let outcome = try CommandRunner.run(["check", "--junit", junit] + Self.arguments("nat-wrong-gateway"))
        #expect(outcome.status == 1, "\(outcome.error)")
        #expect(outcome.output.contains("  error nat-reply-bypasses-director [wrong-gateway] 192.0.2.12"))
        #expect(outcome.output.hasSuffix(
            "\ncheck: FAIL (1 finding at or above error; 1 error, 0 warnings, 1 notice)\n"))
        let root = try Self.junit(junit)
        #expect(try Self.failedCases(root) == ["tcp 198.51.100.10:80/nat-reply-bypasses-director"])
        let failure = try #require(try root.nodes(forXPath: "//failure").first as? XMLElement)
        #expect(failure.attribute(forName: "type")?.stringValue == "error")
        #expect(failure.stringValue?.contains("ip route replace default via 192.0.2.1") == true)
    }

    /// The notice (a router capture no other point shares a packet with) fails the check
    /// only when the bar is lowered to it; JSON goes to stdout and the verdict to stderr.
    @Test func failOnMovesTheBar() throws {
        let arguments = try Self.arguments("nat-wrong-gateway")
        let warning = try CommandRunner.run(["check", "--fail-on", "warning", "--format", "json"] + arguments)
        #expect(warning.status == 1)
        #expect(warning.output.hasPrefix("{\n  \"schema\": \"lvscope.analysis.v1\""))
        #expect(warning.error == "check: FAIL (1 finding at or above warning; 1 error, 0 warnings, 1 notice)\n")
        let notice = try CommandRunner.run(["check", "--fail-on", "notice"] + arguments)
        #expect(notice.output.hasSuffix("check: FAIL (2 findings at or above notice; 1 error, 0 warnings, 1 notice)\n"))
        let healthy = try CommandRunner.run(["check", "--fail-on", "notice"] + Self.arguments("dr-ok"))
        #expect(healthy.status == 0, "\(healthy.output.suffix(300))")
    }

    @Test func badInputExitsTwo() throws {
        let arguments = try Self.arguments("nat-ok")
        for (extra, fragment) in [(["--fail-on", "fatal"], "fatal"),
                                  (["--junit", "/nonexistent-dir/junit.xml"], "/nonexistent-dir/junit.xml"),
                                  (["--format", "yaml"], "yaml")] {
            let outcome = try CommandRunner.run(["check"] + extra + arguments)
            #expect(outcome.status == 2, "\(extra)")
            #expect(outcome.output.isEmpty, "\(extra): nothing is written before the inputs are known good")
            #expect(outcome.error.hasPrefix("lvscope: error: ") && outcome.error.contains(fragment), "\(outcome.error)")
        }
        let missing = try CommandRunner.run(["check", "/nonexistent.pcap"])
        #expect(missing.status == 2 && missing.error.contains("capture file not found"))
    }
}

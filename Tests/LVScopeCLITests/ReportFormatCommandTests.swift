import Foundation
import LVSTestSupport
import Testing

/// `--format html` of analyze and replay, and `--color` of the text report, through the
/// real executable: colour only on a terminal or with `always`, never by default in a file.
@Suite struct ReportFormatCommandTests {
    static let scenario = "Fixtures/captures/nat-wrong-gateway"
    static let captures = ["client", "director-eth0", "director-eth1", "rs1", "rs2", "router2"]
        .map { "\($0)=\(scenario)/\($0).pcap" }

    /// Runs lvscope in the repository root, so the relative paths above resolve.
    static func run(_ arguments: [String]) throws -> CommandRunner.Result {
        try CommandRunner.run(arguments, in: FixturePaths.repositoryRoot())
    }

    @Test func analyzeWritesAnHTMLPage() throws {
        let directory = try TemporaryDirectory()
        let page = directory.path("report.html")
        let outcome = try Self.run(["analyze", "--format", "html", "--output", page,
                                    "--config", "Fixtures/config/nat-wrong-gateway.ipvsadm"] + Self.captures)
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.isEmpty && outcome.error.isEmpty)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<h1>Not healthy: 1 error, 0 warnings, 1 notice</h1>"))
        #expect(html.contains("<code>On 192.0.2.12: `ip route replace default via 192.0.2.1`"))
    }

    /// A capture whose first record is stamped 2038, 12 years after the rest: the claims
    /// timeline's bars stay on its axis (the page crashed converting a coordinate).
    @Test func anOutOfOrderRecordKeepsTheTimelineOnItsAxis() throws {
        let directory = try TemporaryDirectory()
        var bytes = try Data(contentsOf: FixturePaths.repositoryRoot().appendingPathComponent(
            "Fixtures/captures/dr-ok-v6/rs1.pcap"))
        bytes.replaceSubrange(24..<28, with: [0xFF, 0xFF, 0xFF, 0x7F]) // first record's seconds, little-endian
        let capture = directory.path("rs1.pcap")
        try bytes.write(to: URL(fileURLWithPath: capture))
        let page = directory.path("report.html")
        let outcome = try Self.run(["analyze", "--format", "html", "--output", page,
                                    "--config", "Fixtures/config/dr-ok-v6.keepalived.conf", capture])
        #expect(outcome.status == 0, "\(outcome.error)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let xs = html.matches(of: /<rect x="(-?[0-9.]+)"[^>]*class="bar/).compactMap { Double($0.output.1) }
        #expect(!xs.isEmpty && xs.allSatisfy { (260...960).contains($0) }, "\(xs)")
    }

    @Test func checkWritesAnHTMLPageAndTheVerdictOnStandardError() throws {
        let directory = try TemporaryDirectory()
        let page = directory.path("check.html")
        let outcome = try Self.run(["check", "--format", "html", "--output", page,
                                    "--config", "Fixtures/config/nat-wrong-gateway.ipvsadm"] + Self.captures)
        #expect(outcome.status == 1, "an error finding fails the check")
        #expect(outcome.output.isEmpty && outcome.error.hasPrefix("check: FAIL (1 finding at or above error"))
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n") && html.contains("nat-reply-bypasses-director"))
    }

    @Test func colorOnlyWhenAskedOrOnATerminal() throws {
        let escape = "\u{1B}["
        let arguments = ["analyze"] + Self.captures
        let auto = try Self.run(arguments)
        #expect(auto.status == 0 && auto.output.hasPrefix("lvscope analysis: "))
        #expect(!auto.output.contains(escape), "auto: standard output is a pipe here, not a terminal")
        let never = try Self.run(arguments + ["--color", "never"])
        #expect(never.output == auto.output)
        let always = try Self.run(arguments + ["--color", "always"])
        #expect(always.output.contains(escape + "1;31merror" + escape + "0m"))
        #expect(ANSIText.stripped(always.output) == auto.output)

        let directory = try TemporaryDirectory()
        for (choice, coloured) in [("auto", false), ("never", false), ("always", true)] {
            let file = directory.path("\(choice).txt")
            let outcome = try Self.run(arguments + ["--color", choice, "--output", file])
            #expect(outcome.status == 0 && outcome.output.isEmpty)
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.contains(escape) == coloured, "--color \(choice) --output")
        }
    }

    @Test func replayWritesAnHTMLPage() throws {
        let directory = try TemporaryDirectory()
        let page = directory.path("replay.html")
        let nat = "Fixtures/captures/nat-ok"
        let outcome = try Self.run(["replay", "--config", "Fixtures/config/nat-ok.ipvsadm", "--format", "html",
                                    "--report", page, "\(nat)/client.pcap", "\(nat)/rs1.pcap", "\(nat)/rs2.pcap",
                                    "--against", "\(nat)/director-eth1.pcap"])
        #expect(outcome.status == 0, "\(outcome.error)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n") && html.contains("<h1>Same as observed</h1>"))
        #expect(!html.contains("<script") && !html.contains("http"))
    }
}

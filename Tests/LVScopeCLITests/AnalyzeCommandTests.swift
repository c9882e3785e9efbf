import Foundation
import LVSTestSupport
import Testing

/// `lvscope analyze` as a process: exit status 0 with a report, 2 with exactly one line
/// `lvscope: error: …` for each kind of bad input.
@Suite struct AnalyzeCommandTests {
    static func scenario(_ file: String) throws -> String {
        try FixturePaths.repositoryRoot().appendingPathComponent("Fixtures/captures/nat-wrong-gateway/\(file)").path
    }

    static func run(_ arguments: [String]) throws -> CommandRunner.Result {
        try CommandRunner.run(["analyze"] + arguments)
    }

    /// Exit 2 and one error line that contains `fragment`.
    func expectBadInput(_ arguments: [String], _ fragment: String) throws {
        let outcome = try Self.run(arguments)
        #expect(outcome.status == 2, "\(arguments)")
        #expect(outcome.output.isEmpty)
        #expect(outcome.error.hasPrefix("lvscope: error: ") && outcome.error.filter { $0 == "\n" }.count == 1,
                "\(outcome.error)")
        #expect(outcome.error.contains(fragment), "\(outcome.error)")
    }

    @Test func reportsAndExitsZero() throws {
        let directory = try TemporaryDirectory()
        let config = try FixturePaths.repositoryRoot()
            .appendingPathComponent("Fixtures/config/nat-wrong-gateway.ipvsadm").path
        let json = directory.path("report.json")
        let outcome = try Self.run(["--config", config, "--format", "json", "-o", json, "--role", "router2=router",
                                    "client=\(try Self.scenario("client.pcap"))",
                                    "director=\(try Self.scenario("director-any.pcap"))",
                                    "router2=\(try Self.scenario("router2.pcap"))"])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.isEmpty && outcome.error.isEmpty)
        let document = try String(contentsOfFile: json, encoding: .utf8)
        #expect(document.hasPrefix("{\n  \"schema\": \"lvscope.analysis.v1\""))
        #expect(document.contains("\"mode\": \"nat\""))
        let text = try Self.run([try Self.scenario("director-eth0.pcap"), try Self.scenario("director-eth1.pcap")])
        #expect(text.status == 0)
        #expect(text.output.contains("verdict: tcp 198.51.100.10:80 NAT (0.98)"))
    }

    @Test func badInputExitsTwo() throws {
        let client = try Self.scenario("client.pcap")
        let config = try Self.scenario("scenario.json")
        try expectBadInput([], "captures")
        try expectBadInput([try Self.scenario("absent.pcap")], "capture file not found")
        try expectBadInput([config], "scenario.json")
        try expectBadInput(["--config", try Self.scenario("absent.ipvsadm"), client], "absent.ipvsadm")
        try expectBadInput(["--config", config, client], "scenario.json:1")
        try expectBadInput(["--role", "client=boss", client], "unknown role \"boss\"")
        try expectBadInput(["--role", "client", client], "NAME=ROLE")
        try expectBadInput(["--role", "rs9=client", client], "no capture point named \"rs9\"")
        try expectBadInput(["--role", "client=client", "--role", "client=router", client], "--role given twice")
        try expectBadInput(["a=\(client)", "a=\(try Self.scenario("rs1.pcap"))"], "share the point name \"a\"")
        try expectBadInput(["--kernel", "bsd", client], "unknown kernel \"bsd\"")
        try expectBadInput(["--format", "pdf", client], "pdf")
        try expectBadInput(["--color", "sometimes", client], "sometimes")
    }

    /// keepalived skips what it does not know and so does lvscope, but says so on stderr
    /// with the file and line: a typo must not pass silently. Reading warnings come first,
    /// then those about what the statements mean.
    @Test func configurationWarningsGoToStandardError() throws {
        let directory = try TemporaryDirectory()
        let config = directory.path("keepalived.conf")
        try """
            virtual_server 198.51.100.10 80 {
                lb_kind NAT
                lb_algo rr
                persistance_timeout 300
                real_server 10.0.2.11 80 {
                    weight 1
                }
            }
            include extra/*.conf

            """.write(toFile: config, atomically: true, encoding: .utf8)
        let outcome = try Self.run(["--config", config, try Self.scenario("client.pcap")])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.contains("verdict:"))
        let lines = outcome.error.split(separator: "\n").map(String.init)
        #expect(lines == [
            "lvscope: warning: include \"extra/*.conf\" matched no files (\(config):9:9)",
            "lvscope: warning: unknown keyword \"persistance_timeout\" in virtual_server (skipped) (\(config):4:5)",
        ], "\(outcome.error)")
    }

    /// The deployment straight from the director: `--config <(ipvsadm-save -n)` or a pipe
    /// into `/dev/stdin` (FileManager cannot read either; read(2) can). A device that
    /// never ends is refused at its first chunk as binary.
    @Test func configurationFromAPipe() throws {
        let lvscope = try CommandRunner.executable().path
        let config = try FixturePaths.repositoryRoot()
            .appendingPathComponent("Fixtures/config/nat-wrong-gateway.ipvsadm").path
        let capture = try Self.scenario("director-any.pcap")
        let pipeline = "cat '\(config)' | '\(lvscope)' analyze --config /dev/stdin '\(capture)'"
        let piped = try Subprocess.run("/bin/sh", ["-c", pipeline])
        #expect(piped.status == 0, "\(piped.error)")
        let fromFile = try Self.run(["--config", config, capture])
        // The same report, but for the file name the remedies cite.
        #expect(piped.output.replacingOccurrences(of: "/dev/stdin", with: config) == fromFile.output)
        #expect(fromFile.status == 0)
        #expect(piped.output.contains("NAT (0.98)"))
        try expectBadInput(["--config", "/dev/zero", capture], "is binary, not a text configuration file (/dev/zero)")
    }
}


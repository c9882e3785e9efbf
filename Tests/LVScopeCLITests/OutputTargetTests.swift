import Foundation
import LVSTestSupport
import Testing

/// An output that names an input (or another output) is bad input: refused before
/// anything is read or written, and the input is left as it was.
@Suite struct OutputTargetTests {
    @Test func outputsNeverOverwriteInputs() throws {
        let directory = try TemporaryDirectory()
        let root = try FixturePaths.repositoryRoot()
        let client = directory.path("client.pcap")
        let rs1 = directory.path("rs1.pcap")
        let config = directory.path("lb.ipvsadm")
        let copies = [("Fixtures/captures/nat-ok/client.pcap", client), ("Fixtures/captures/nat-ok/rs1.pcap", rs1),
                      ("Fixtures/config/nat-ok.ipvsadm", config)]
        for (source, copy) in copies {
            try FileManager.default.copyItem(atPath: root.appendingPathComponent(source).path, toPath: copy)
        }
        let link = directory.path("link.pcap")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: client)
        let before = try [client, rs1, config].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let other = directory.path("other.txt")
        let cases: [([String], String)] = [
            (["analyze", "-o", client, client, rs1], "--output names an input, which it would overwrite (\(client))"),
            (["analyze", "-o", link, client], "--output names an input, which it would overwrite (\(client))"),
            (["analyze", "--format", "html", "-o", config, "--config", config, client], "(\(config))"),
            (["check", "--junit", rs1, client, rs1], "--junit names an input, which it would overwrite (\(rs1))"),
            (["check", "-o", other, "--junit", other, client], "--output and --junit name the same file (\(other))"),
            (["flows", "-o", rs1, client, rs1], "--output names an input"),
            (["decode", "-o", client, client], "--output names an input"),
            (["replay", "--config", config, "-o", client, client, "--against", rs1], "--output names an input"),
            (["replay", "--config", config, "--report", rs1, client, "--against", rs1], "--report names an input"),
            (["flows", "-o", "", client], "an empty argument (after -o)"),
            (["check", "--junit", "-", client], "--output and --junit both write to standard output (-)"),
            (["replay", "--config", config, "-o", "-", client], "--output and --report both write to standard output"),
        ]
        for (arguments, message) in cases {
            let outcome = try CommandRunner.run(arguments)
            #expect(outcome.status == 2 && outcome.output.isEmpty, "\(arguments)")
            let oneLine = outcome.error.hasPrefix("lvscope: error: ") && outcome.error.filter { $0 == "\n" }.count == 1
            #expect(oneLine && outcome.error.contains(message), "\(arguments): \(outcome.error)")
        }
        let after = try [client, rs1, config].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(after == before)
        #expect(!FileManager.default.fileExists(atPath: other))
        // A dangling link names the file writing would create.
        let dangling = directory.path("report.json")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "junit.xml")
        let aliased = try CommandRunner.run(["check", "--format", "json", "-o", dangling,
                                             "--junit", directory.path("junit.xml"), client])
        #expect(aliased.status == 2 && aliased.error.contains("--output and --junit name the same file"))
        // A keepalived include is an input too, known once the configuration is read.
        let included = directory.path("services.conf")
        try FileManager.default.copyItem(
            atPath: root.appendingPathComponent("Fixtures/config/nat-ok.keepalived.conf").path, toPath: included)
        let main = directory.path("main.conf")
        try "include services.conf\n".write(toFile: main, atomically: true, encoding: .utf8)
        let includedBefore = try Data(contentsOf: URL(fileURLWithPath: included))
        for arguments in [["analyze", "--config", main, "-o", included, client],
                          ["check", "--config", main, "--junit", included, client],
                          ["replay", "--config", main, "-o", included, client, rs1,
                           root.appendingPathComponent("Fixtures/captures/nat-ok/rs2.pcap").path]] {
            let outcome = try CommandRunner.run(arguments)
            let refused = outcome.error.contains("names an input, which it would overwrite (\(included))")
            #expect(outcome.status == 2 && refused, "\(arguments): \(outcome.error)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: included)) == includedBefore)
        // Devices may take several outputs.
        let discarded = try CommandRunner.run(["check", "-o", "/dev/null", "--junit", "/dev/null", client])
        #expect(discarded.status == 0 && discarded.error.isEmpty, "\(discarded.error)")
    }
}

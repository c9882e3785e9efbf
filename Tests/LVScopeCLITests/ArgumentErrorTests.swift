import Foundation
import LVSTestSupport
import Testing

/// Option values that cannot be right, and a failing --junit write, end with one error
/// line and exit status 2.
@Suite struct ArgumentErrorTests {
    static func fixture(_ path: String) throws -> String {
        try FixturePaths.repositoryRoot().appendingPathComponent(path).path
    }

    func expectOneError(_ arguments: [String], _ fragment: String) throws {
        let outcome = try CommandRunner.run(arguments)
        #expect(outcome.status == 2, "\(arguments)")
        #expect(outcome.error.hasPrefix("lvscope: error: ") && outcome.error.filter { $0 == "\n" }.count == 1,
                "\(arguments): \(outcome.error)")
        #expect(outcome.error.contains(fragment), "\(outcome.error)")
    }

    /// A newline or escape in a path, a point name or a configuration word is written
    /// escaped: the error stays one line and cannot drive the terminal.
    @Test func controlCharactersAreEscaped() throws {
        let client = try Self.fixture("Fixtures/captures/dr-ok/client.pcap")
        try expectOneError(["analyze", "/nonexistent/a\nb.pcap"], "(/nonexistent/a\\nb.pcap)")
        try expectOneError(["analyze", "--role", "ZZ\nY=client", client], "no capture point named \"ZZ\\nY\"")
        // The parser's message holds the value whole, escaped.
        try expectOneError(["analyze", "PT\nX=\(client)", "--role", "PT\nX=bogus"],
                           "'PT\\nX=bogus' is invalid for '--role <NAME=ROLE>'")
        let directory = try TemporaryDirectory()
        let config = directory.path("escape.ipvsadm")
        try "-A -t 198.51.100.10:80 -s rr\n-a -t 198.51.100.10:80 -r 192.0.2.11:80 -m\u{1B}[31m\u{2028}\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["analyze", "--config", config, client])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("-m\\x1B[31m\\u2028"), "\(outcome.error)")
        #expect(!outcome.error.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x2028 })
    }

    @Test func replayTopologyOverrides() throws {
        let config = try Self.fixture("Fixtures/config/dr-ok.ipvsadm")
        let client = try Self.fixture("Fixtures/captures/dr-ok/client.pcap")
        try expectOneError(["replay", "--mtu", "0", "--config", config, client], "--mtu 0 is not an MTU")
        try expectOneError(["replay", "--real-server", "192.0.2.11=02:00:00:00:00:01",
                            "--real-server", "192.0.2.11=02:00:00:00:00:02", "--config", config, client],
                           "--real-server given twice for 192.0.2.11")
        try expectOneError(["analyze", "--kernel", "linux-+6.8", client], "unknown kernel \"linux-+6.8\"")
    }

    /// Values the parser accepts but no deployment can mean: a host MAC that is a group
    /// or zero address, a DIP that is no host's or is a VIP, a `--real-server` the
    /// configuration lacks, a role given to a sub-point, a summary in TSV.
    @Test func valuesNoDeploymentCanMean() throws {
        let config = try Self.fixture("Fixtures/config/dr-ok.ipvsadm")
        let client = try Self.fixture("Fixtures/captures/dr-ok/client.pcap")
        let director = try Self.fixture("Fixtures/captures/dr-ok/director-any.pcap")
        let replay = ["replay", "--config", config]
        try expectOneError(replay + ["--router-mac", "ff:ff:ff:ff:ff:ff", client], "is a broadcast or multicast MAC")
        try expectOneError(replay + ["--director-mac", "01:00:5e:00:00:01", client], "is a broadcast or multicast MAC")
        try expectOneError(replay + ["--router-mac", "00:00:00:00:00:00", client], "is the all-zero MAC")
        try expectOneError(replay + ["--real-server", "192.0.2.11=ff:ff:ff:ff:ff:ff", client], "multicast MAC")
        try expectOneError(replay + ["--dip", "0.0.0.0", client], "\"0.0.0.0\" is not a host's address")
        try expectOneError(replay + ["--dip", "224.0.0.1", client], "is not a host's address")
        let vip = try #require(try String(contentsOfFile: config, encoding: .utf8)
            .split(separator: "\n").first { $0.hasPrefix("-A") }?.split(separator: " ").dropFirst(2).first?
            .split(separator: ":").first.map(String.init))
        try expectOneError(replay + ["--dip", vip, client],
                           "\(vip) is a virtual address of the configuration, not the director's own (--dip)")
        try expectOneError(replay + ["--real-server", "192.0.2.99=02:00:00:00:00:99", client],
                           "192.0.2.99 is not a real server of the configuration (--real-server)")
        try expectOneError(["analyze", "--role", "director-any/eth0=director", director],
                           "a role belongs to a capture point, not to its sub-point \"director-any/eth0\"")
        try expectOneError(["decode", "--summary", "--format", "tsv", client], "--summary writes text or json, not tsv")
    }

    /// Empty arguments, bytes that are not UTF-8 (which Swift would turn into U+FFFD and
    /// so name another file), the parser's two-part messages, and more captures than one
    /// run takes.
    @Test func argumentsThatNameNothing() throws {
        let client = try Self.fixture("Fixtures/captures/dr-ok/client.pcap")
        try expectOneError(["decode", "-o", "", client], "an empty argument (after -o)")
        try expectOneError(["replay", "--live", "--config", client, "--client-interface", ""],
                           "an empty argument (after --client-interface)")
        try expectOneError(["flows", ""], "an empty argument names nothing")
        try expectOneError(["analyze", "-o.pcap"], "Unknown option '-o.pcap'; or: Missing value for '-o <output>'")
        let many = (1...257).map { "p\($0)=\(client)" }
        try expectOneError(["flows"] + many, "at most 256 captures in one run; got 257 (CAPTURE)")
        let directory = try TemporaryDirectory()
        try FileManager.default.copyItem(atPath: client, toPath: directory.path("caf\u{E9}.pcap"))
        // Foundation passes arguments as UTF-8: the shell writes the Latin-1 byte.
        let outcome = try Subprocess.run("/bin/sh", ["-c", "exec \"$0\" decode \"$(printf 'caf\\351.pcap')\"",
                                                     CommandRunner.executable().path], in: directory.url)
        #expect(outcome.status == 2 && outcome.error == "lvscope: error: an argument is not UTF-8; lvscope takes "
                + "paths and names in UTF-8 (caf\\xE9.pcap)\n", "\(outcome.error)")
    }

    /// `--output=` with nothing after the `=` once took the next argument as the output
    /// and overwrote that capture; `help` of an unknown command once exited 0.
    @Test func emptyInlineValuesAndUnknownHelp() throws {
        let directory = try TemporaryDirectory()
        let rs1 = directory.path("rs1.pcap")
        try FileManager.default.copyItem(atPath: try Self.fixture("Fixtures/captures/dr-ok/rs1.pcap"), toPath: rs1)
        let before = try Data(contentsOf: URL(fileURLWithPath: rs1))
        for option in ["--output=", "--junit=", "--format="] {
            try expectOneError(["check", option, rs1], "an empty value after \"=\" (\(option.dropLast()))")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: rs1)) == before)
        try expectOneError(["help", "nosuch"], "unknown command \"nosuch\"")
        #expect(try CommandRunner.run(["help", "flows"]).status == 0)
    }

    /// A listing opens its output before reading; a capture that cannot be read leaves an
    /// existing output file as it was.
    @Test func decodeKeepsTheOutputOfAnUnreadableCapture() throws {
        let directory = try TemporaryDirectory()
        let keep = directory.path("keep.txt")
        let text = directory.path("notes.pcap")
        try "keep\n".write(toFile: keep, atomically: true, encoding: .utf8)
        try "not a capture\n".write(toFile: text, atomically: true, encoding: .utf8)
        try expectOneError(["decode", "-o", keep, text], "not a pcap or pcapng file")
        #expect(try String(contentsOfFile: keep, encoding: .utf8) == "keep\n")
    }

    /// Point names may hold "=" (`./a=b.pcap`); --role takes the last "=" as its split.
    @Test func roleOfAPointWhoseNameHoldsAnEqualsSign() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("a=b.pcap")
        try FileManager.default.copyItem(atPath: try Self.fixture("Fixtures/captures/dr-ok/rs1.pcap"), toPath: path)
        let outcome = try CommandRunner.run(["analyze", "--format", "json", "--role", "a=b=real-server", path])
        #expect(outcome.status == 0, "\(outcome.error)")
        let report = try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any]
        let captures = report?["captures"] as? [[String: Any]] ?? []
        #expect(captures.map { "\($0["point"] ?? "")=\($0["role"] ?? "")" } == ["a=b=real-server"])
    }

    /// The verdict line of a json or html check goes to standard error after the JUnit
    /// file is written: when that fails, its error is the only line.
    @Test func junitWriteFailureIsTheOnlyLine() throws {
        let client = try Self.fixture("Fixtures/captures/dr-ok/client.pcap")
        for format in ["json", "html", "text"] {
            try expectOneError(["check", "--format", format, "--junit", "/dev/full", client],
                               "cannot write: No space left on device (/dev/full)")
        }
    }
}

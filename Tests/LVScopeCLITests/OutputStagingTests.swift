import Foundation
import Glibc
import LVSTestSupport
import Testing

/// Output files take their names only when whole (`StagedFile`): a failed command leaves
/// the files it would have written as they were, and no temporary file behind.
@Suite struct OutputStagingTests {
    static func fixture(_ path: String) throws -> String {
        try FixturePaths.repositoryRoot().appendingPathComponent(path).path
    }

    /// What the directory holds besides `keep`, hidden files included.
    static func others(in directory: TemporaryDirectory, keep: Set<String>) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { !keep.contains($0) }.sorted()
    }

    /// A report that cannot be written once emptied the JUnit file of an earlier run.
    @Test func failedReportKeepsTheEarlierJUnitFile() throws {
        let directory = try TemporaryDirectory()
        let client = try Self.fixture("Fixtures/captures/dr-ok/client.pcap")
        let junit = directory.path("junit.xml")
        let first = try CommandRunner.run(["check", "--junit", junit, client])
        #expect(first.status == 0, "\(first.error)")
        let before = try Data(contentsOf: URL(fileURLWithPath: junit))
        #expect(before.count > 1000)
        for report in [directory.path("missing/report.txt"), "/dev/full", directory.url.path] {
            let outcome = try CommandRunner.run(["check", "-o", report, "--junit", junit, client])
            #expect(outcome.status == 2 && outcome.error.hasPrefix("lvscope: error: cannot write: "),
                    "\(report): \(outcome.error)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: junit)) == before, "\(report)")
        }
        #expect(try Self.others(in: directory, keep: ["junit.xml"]) == [])
    }

    /// Past the file size limit half way: the listing never appears under its name, and
    /// no temporary file is left.
    @Test func interruptedListingLeavesNoTruncatedFile() throws {
        let directory = try TemporaryDirectory()
        let capture = try Self.fixture("Fixtures/captures/nat-ok/director-any.pcap")
        let listing = directory.path("listing.txt")
        let limited = try Subprocess.run("/bin/sh", ["-c", "ulimit -f 4; exec \"$0\" decode -o listing.txt \"$1\"",
                                                     CommandRunner.executable().path, capture], in: directory.url)
        #expect(limited.status == 2 && limited.error == "lvscope: error: cannot write: File too large (listing.txt)\n",
                "\(limited.error)")
        #expect(try Self.others(in: directory, keep: []) == [])
        // Without the limit the same command writes it whole.
        let full = try CommandRunner.run(["decode", "-o", listing, capture])
        let listed = try CommandRunner.run(["decode", capture])
        #expect(full.status == 0 && listed.status == 0)
        #expect(try String(contentsOfFile: listing, encoding: .utf8) == listed.output)
        #expect(listed.output.utf8.count > 4096)
    }

    /// A replay's capture is staged too, and its errors name the file asked for.
    @Test func replayCaptureIsWrittenWhole() throws {
        let directory = try TemporaryDirectory()
        let config = try Self.fixture("Fixtures/config/nat-ok.ipvsadm")
        let inputs = try ["client", "rs1", "rs2"].map { try Self.fixture("Fixtures/captures/nat-ok/\($0).pcap") }
        let output = directory.path("expected.pcap")
        let outcome = try CommandRunner.run(["replay", "--config", config, "-o", output] + inputs)
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.contains("output     \(output)"))
        let packets = try Subprocess.run("tcpdump", ["-nr", output])
        #expect(packets.status == 0 && packets.output.split(separator: "\n").count > 100)
        #expect(try Self.others(in: directory, keep: ["expected.pcap"]) == [])
        let failed = try CommandRunner.run(["replay", "--config", config, "-o", directory.path("no/x.pcap")] + inputs)
        #expect(failed.status == 2 && failed.error.hasSuffix("(\(directory.path("no/x.pcap")))\n"), "\(failed.error)")
    }

    /// `-` is standard output in every command; a link is written through, and a file
    /// keeps its mode.
    @Test func standardOutputLinksAndModes() throws {
        let directory = try TemporaryDirectory()
        let client = try Self.fixture("Fixtures/captures/dr-ok/client.pcap")
        let listed = try CommandRunner.run(["decode", client])
        let dashed = try CommandRunner.run(["decode", "-o", "-", client])
        #expect(dashed.status == 0 && dashed.output == listed.output && !listed.output.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory.path("-")))
        let target = directory.path("target.txt")
        try "old\n".write(toFile: target, atomically: true, encoding: .utf8)
        #expect(chmod(target, 0o600) == 0)
        let link = directory.path("link.txt")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.txt")
        #expect(try CommandRunner.run(["decode", "-o", link, client]).status == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == listed.output)
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.txt")
    }

    /// A file with another hard link, and `/dev/stdout` sent to a file by the shell, are
    /// written in place: a rename would part the links, or drop the shell's later lines.
    @Test func linkedFilesAndRedirectionsAreWrittenInPlace() throws {
        let directory = try TemporaryDirectory()
        let client = try Self.fixture("Fixtures/captures/dr-ok/client.pcap")
        let listed = try CommandRunner.run(["decode", client]).output
        let first = directory.path("first.txt")
        try "old\n".write(toFile: first, atomically: true, encoding: .utf8)
        #expect(link(first, directory.path("second.txt")) == 0)
        #expect(try CommandRunner.run(["decode", "-o", first, client]).status == 0)
        #expect(try String(contentsOfFile: directory.path("second.txt"), encoding: .utf8) == listed)
        try "before\n".write(toFile: directory.path("log.txt"), atomically: true, encoding: .utf8)
        let script = "{ \"$0\" decode -o /dev/stdout \"$1\"; echo after; } >> log.txt"
        let outcome = try Subprocess.run("/bin/sh", ["-c", script, CommandRunner.executable().path, client],
                                         in: directory.url)
        #expect(outcome.status == 0, "\(outcome.error)")
        let log = try String(contentsOfFile: directory.path("log.txt"), encoding: .utf8)
        #expect(log == "before\n" + listed + "after\n")
    }

    /// A target written through a copy (another hard link, a link to a file not made
    /// yet) is untouched, or not made, when another output of the command fails.
    @Test func copiedTargetsWaitForTheOtherOutputs() throws {
        let directory = try TemporaryDirectory()
        let client = try Self.fixture("Fixtures/captures/dr-ok/client.pcap")
        let first = directory.path("first.xml")
        try "old\n".write(toFile: first, atomically: true, encoding: .utf8)
        #expect(link(first, directory.path("second.xml")) == 0)
        let dangling = directory.path("dangling.txt")
        #expect(symlink("made.txt", dangling) == 0)
        for arguments in [["check", "--junit", first, "-o", "/dev/full", client],
                          ["check", "-o", dangling, "--junit", "/dev/full", client]] {
            let outcome = try CommandRunner.run(arguments)
            #expect(outcome.status == 2 && outcome.error.contains("No space left on device"), "\(outcome.error)")
        }
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "old\n")
        #expect(try Self.others(in: directory, keep: ["first.xml", "second.xml", "dangling.txt"]) == [])
        #expect(try CommandRunner.run(["check", "-o", dangling, client]).status == 0)
        #expect(try String(contentsOfFile: directory.path("made.txt"), encoding: .utf8).hasPrefix("lvscope analysis"))
    }

    /// Standard output under another name (`/dev/stdout`, the file a shell redirected it
    /// to) is standard output: a second output there is refused, and a link to
    /// `/dev/stdout` appends as the shell's `>>` asks.
    @Test func standardOutputUnderOtherNames() throws {
        let directory = try TemporaryDirectory()
        let client = try Self.fixture("Fixtures/captures/dr-ok/client.pcap")
        let executable = try CommandRunner.executable().path
        let twice = try CommandRunner.run(["check", "--junit", "/dev/stdout", client])
        #expect(twice.status == 2 && twice.error.contains("--output and --junit both write to standard output"))
        let redirected = try Subprocess.run("/bin/sh", ["-c", "\"$0\" check --junit jj \"$1\" > jj",
                                                         executable, client], in: directory.url)
        #expect(redirected.status == 2 && redirected.error.contains("both write to standard output (jj)"),
                "\(redirected.error)")
        #expect(symlink("/dev/stdout", directory.path("out")) == 0)
        let appended = try Subprocess.run("/bin/sh", ["-c", "echo first > log; \"$0\" decode -o out \"$1\" >> log",
                                                      executable, client], in: directory.url)
        #expect(appended.status == 0, "\(appended.error)")
        let listed = try CommandRunner.run(["decode", client]).output
        #expect(try String(contentsOfFile: directory.path("log"), encoding: .utf8) == "first\n" + listed)
    }

    /// SIGTERM while an output is staged (a replay waiting for its configuration from a
    /// FIFO) removes the temporary file on the way out. (A script's background job
    /// ignores SIGINT, and lvscope leaves an ignored signal ignored.)
    @Test func interruptRemovesTheTemporaryFile() throws {
        let directory = try TemporaryDirectory()
        let client = try Self.fixture("Fixtures/captures/nat-ok/client.pcap")
        #expect(mkfifo(directory.path("config"), 0o600) == 0)
        let script = "\"$0\" replay --config config -o out.pcap \"$1\" & sleep 1; ls -a > during.txt; "
            + "kill -TERM $!; wait $!; echo $?"
        let outcome = try Subprocess.run("/bin/sh", ["-c", script, CommandRunner.executable().path, client],
                                         in: directory.url)
        #expect(outcome.output == "143\n", "\(outcome.error)")
        let during = try String(contentsOfFile: directory.path("during.txt"), encoding: .utf8)
        #expect(during.contains(".out.pcap.lvscope-"))
        #expect(try Self.others(in: directory, keep: ["config", "during.txt"]) == [])
    }

    /// A FIFO is written in place, once its reader is there.
    @Test func fifoIsWrittenInPlace() throws {
        let directory = try TemporaryDirectory()
        let client = try Self.fixture("Fixtures/captures/dr-ok/client.pcap")
        let fifo = directory.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let listed = try CommandRunner.run(["decode", client])
        let script = "\"$0\" decode -o pipe \"$1\" & sleep 0.3; cat pipe; wait $!"
        let outcome = try Subprocess.run("/bin/sh", ["-c", script, CommandRunner.executable().path, client],
                                         in: directory.url)
        #expect(outcome.status == 0 && outcome.output == listed.output, "\(outcome.error)")
    }
}

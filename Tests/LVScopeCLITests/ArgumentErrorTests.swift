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

    @Test func replayTopologyOverrides() throws {
        let config = try Self.fixture("Fixtures/config/dr-ok.ipvsadm")
        let client = try Self.fixture("Fixtures/captures/dr-ok/client.pcap")
        try expectOneError(["replay", "--mtu", "0", "--config", config, client], "--mtu 0 is not an MTU")
        try expectOneError(["replay", "--real-server", "192.0.2.11=02:00:00:00:00:01",
                            "--real-server", "192.0.2.11=02:00:00:00:00:02", "--config", config, client],
                           "--real-server given twice for 192.0.2.11")
        try expectOneError(["analyze", "--kernel", "linux-+6.8", client], "unknown kernel \"linux-+6.8\"")
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

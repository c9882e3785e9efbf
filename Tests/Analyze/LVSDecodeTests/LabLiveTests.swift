import Foundation
import LVSTestSupport
import Testing

/// Runs one lab scenario live — namespaces, nftables director, real TCP stacks, tcpdump —
/// and checks its fresh captures the way the committed ones are checked, so the lab
/// cannot rot. Needs root and the lab's tools; CI runs as root and installs them.
@Suite struct LabLiveTests {
    static var canRunLab: Bool {
        guard getuid() == 0 else { return false }
        return ["nft", "tcpdump", "ip", "ethtool", "tshark", "ping", "python3"].allSatisfy { tool in
            ["/usr/sbin", "/usr/bin", "/sbin", "/bin"].contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
            }
        }
    }

    @Test(.enabled(if: canRunLab, "needs root, nftables, tcpdump, iproute2, ethtool, tshark, ping"))
    func natScenarioRunsLiveAndShowsWhatItClaims() throws {
        let output = try TemporaryDirectory(prefix: "lvscope-lab")
        let script = try FixturePaths.repositoryRoot().appendingPathComponent("Fixtures/lab/lab.sh").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["nat-ok", output.url.path]
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let text = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "lab.sh failed:\n\(text)")

        let scenario = try ScenarioCatalog.load(directory: output.url)
        #expect(scenario.scenario == "nat-ok")
        #expect(scenario.captures.count >= 5)
        for capture in scenario.captures {
            let facts = try ScenarioFacts.read(scenario.path(of: capture), vips: scenario.vips)
            #expect(facts.matches(capture.expect), "\(capture.file): \(facts)")
            #expect(capture.expect.tcpConnections >= 20 || capture.role == "real-server")
        }
    }
}

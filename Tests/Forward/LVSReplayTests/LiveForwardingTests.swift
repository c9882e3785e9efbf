import Foundation
import LVSTestSupport
import Testing

/// Root and the tools the live lab uses.
func liveLabAvailable() -> Bool {
    guard getuid() == 0 else { return false }
    return ["ip", "ethtool", "nstat", "python3"].allSatisfy { tool in
        (try? Subprocess.run("sh", ["-c", "command -v \(tool)"]).status) == 0
    }
}

/// `lvscope replay --live` in the director's place, on real kernels: Fixtures/lab/
/// live-replay.sh builds network namespaces (a client, the director running the built
/// lvscope with no addresses and no IP forwarding, two real servers on a bridge; DR adds a
/// router), runs twelve TCP exchanges (64 to 30000 bytes) and six UDP exchanges through
/// it, and reads every host's kernel counters. Every exchange must complete and the
/// kernels must have accepted every frame lvscope injected: delivered to their transport
/// layer, no header, address or checksum error. Root, iproute2, ethtool and python3 are
/// needed; without them the test is skipped.
@Suite(.serialized, .enabled(if: liveLabAvailable(), "needs root, ip, ethtool, nstat and python3"))
struct LiveForwardingTests {

    struct Outcome: Decodable {
        struct Client: Decodable {
            var tcp: [String: Int]
            var udp: [String: Int]
        }

        struct Live: Decodable {
            var started: Bool
            var input: Int
            var emitted: Int
            var dropped: Int
            var sentToClients: Int
            var sentToRealServers: Int
            var arpAnswered: Int
        }

        var client: Client
        var lvscope: Live
        var hosts: [String: [String: Int]]
    }

    static let errorCounters = ["IpInHdrErrors", "IpInAddrErrors", "IpInDiscards", "IpInUnknownProtos",
                                "TcpInCsumErrors", "UdpInCsumErrors", "UdpInErrors", "IcmpInCsumErrors"]

    func run(_ mode: String) throws -> Outcome {
        let root = try FixturePaths.repositoryRoot()
        let binary = try CommandRunner.executable().path
        let directory = try TemporaryDirectory(prefix: "lvscope-live")
        let script = root.appendingPathComponent("Fixtures/lab/live-replay.sh").path
        let outcome = try Subprocess.run(script, [binary, mode, directory.url.path])
        try #require(outcome.status == 0, "\(outcome.error)")
        return try JSONDecoder().decode(Outcome.self, from: Data(outcome.output.utf8))
    }

    @Test(arguments: ["nat", "dr", "fullnat"])
    func forwardsRealTraffic(_ mode: String) throws {
        let outcome = try run(mode)
        #expect(outcome.client.tcp == ["ok": 12])
        #expect(outcome.client.udp == ["ok": 6])
        let live = outcome.lvscope
        #expect(live.started)
        #expect(live.dropped == 0)
        #expect(live.emitted == live.input)
        #expect(live.arpAnswered >= 1)
        let hosts = outcome.hosts
        for (host, counters) in hosts {
            for name in Self.errorCounters { #expect(counters[name] == 0, "\(host) \(name)") }
        }
        let delivered = { (host: String) in hosts[host]?["IpInDelivers"] ?? -1 }
        #expect(delivered("rs1") + delivered("rs2") == live.sentToRealServers)
        if mode == "dr" {
            // Replies go from the real servers to the router, never through lvscope.
            #expect(live.sentToClients == 0)
        } else {
            #expect(delivered("cli") == live.sentToClients)
            #expect(live.sentToClients == live.sentToRealServers)
        }
    }
}

import LVSForwarding
import LVSReplay
import LVSTestSupport
import Testing

/// nat-ok's captures replayed with a configuration that is wrong in one way: the replay
/// names exactly the fields that wrong configuration changes, on exactly the packets it
/// touches, and everything else still matches.
@Suite struct WrongConfigurationTests {
    static let requests = 156
    static let replies = 156

    func replay(_ edit: @escaping (String) -> String) throws -> (ReplayResult, ReplayComparison) {
        let directory = try TemporaryDirectory()
        let config = try ReplayFixtures.editedConfig("nat-ok", in: directory, edit)
        let result = try ReplayFixtures.replay("nat-ok", config: config, inputs: ReplayFixtures.twoArmed.inputs,
                                               against: ReplayFixtures.twoArmed.against)
        return (result, try #require(result.comparison))
    }

    /// RIP:8080 where the lab used :80: every request differs in `tcp.dport` alone; the
    /// replies, carried back to the model's port, are un-NATed identically.
    @Test func wrongPort() throws {
        let (result, comparison) = try replay { $0.replacingOccurrences(of: ":80 -m", with: ":8080 -m") }
        #expect(result.hasDifferences)
        #expect(comparison.mismatched == Self.requests)
        #expect(comparison.matched == Self.replies)
        #expect(comparison.missing == 0 && comparison.unexpected == 0)
        for difference in comparison.differences {
            #expect(difference.expected.side == .realServer)
            #expect(ReplayComparison.fields(difference, .rewrite) == ["tcp.dport"])
            let port = try #require(difference.fields.first { $0.field == "tcp.dport" })
            #expect((port.expected, port.observed) == ("8080", "80"))
        }
    }

    /// `-g` where the lab did NAT: requests keep the VIP (`ip.dst`), replies come back from
    /// the real server's address, which DR does not un-NAT (`ip.src`).
    @Test func wrongMode() throws {
        let (_, comparison) = try replay { $0.replacingOccurrences(of: " -m ", with: " -g ") }
        #expect(comparison.mismatched == Self.requests + Self.replies)
        #expect(comparison.missing == 0 && comparison.unexpected == 0)
        for difference in comparison.differences {
            let rewrite = ReplayComparison.fields(difference, .rewrite)
            if difference.expected.side == .realServer {
                #expect(rewrite == ["ip.dst"])
                #expect(difference.fields.first { $0.field == "ip.dst" }?.expected == "198.51.100.10")
            } else {
                #expect(rewrite == ["ip.src"])
                #expect(difference.fields.first { $0.field == "ip.src" }?.observed == "198.51.100.10")
            }
        }
    }

    /// rs2 left out: the model sends everything to rs1; the ten connections the lab gave
    /// rs2 are scheduler disagreements with a server outside the configuration, so their
    /// requests differ in `eth.dst` and `ip.dst` (classified as scheduler, still counted).
    @Test func missingRealServer() throws {
        let (result, comparison) = try replay { text in
            text.split(separator: "\n").filter { !$0.contains("192.0.2.12") }.joined(separator: "\n") + "\n"
        }
        #expect(result.hasDifferences)
        #expect(comparison.schedulerDisagreements.count == 10)
        for disagreement in comparison.schedulerDisagreements {
            #expect(!disagreement.observedIsConfigured)
            #expect((disagreement.expected, disagreement.observed) == ("192.0.2.11:80", "192.0.2.12:80"))
        }
        #expect(comparison.mismatched == Self.requests / 2)
        #expect(comparison.matched == result.counts.emitted - Self.requests / 2)
        for difference in comparison.differences {
            #expect(difference.fields.map(\.field) == ["eth.dst", "ip.dst"])
            #expect(difference.fields.allSatisfy { $0.kind == .scheduler })
        }
    }
}

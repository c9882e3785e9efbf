import LVSForwarding
import LVSReplay
import LVSTestSupport
import Testing

/// FULL-NAT against the lab, replayed as DPVS (the syntax of the configuration). The lab's
/// nftables director differs from DPVS in exactly these ways (Fixtures/README.md "How the
/// nftables director differs", items 1-3), and the replay must name them and nothing else:
///
/// - TTL: the lab forwards through the kernel, which lowers it both ways; DPVS without
///   `xmit_ttl` does not (`ip.ttl`, a rewrite difference, on every packet);
/// - no TOA: DPVS ≥ 1.9.6 puts it on the client segments acknowledging the real server's
///   ISN + 1, here the handshake ACK and the request (`tcp.options.toa`, a rewrite
///   difference, two per connection);
/// - the local port and the sequence offset are conntrack's and 0, the model's are DPVS's
///   sapool order and a keyed ISN (`tcp.sport`, `tcp.seq`, non-deterministic by design);
/// - round-robin start (scheduler disagreements, re-aligned).
///
/// Timestamp NOP-fill on the SYN and the SYN-ACK MSS clamp match and do not show.
@Suite struct FullNATReplayTests {
    @Test(arguments: ["fullnat-ok", "fullnat-ok-v6"])
    func differsOnlyWhereTheLabDoes(_ scenario: String) throws {
        let result = try ReplayFixtures.replay(scenario, inputs: ReplayFixtures.twoArmed.inputs,
                                               against: ReplayFixtures.twoArmed.against)
        #expect(result.profile == .dpvs)
        let comparison = try #require(result.comparison)
        #expect(comparison.missing == 0)
        #expect(comparison.unexpected == 0)
        #expect(comparison.unchecked == 0)
        #expect(comparison.mismatched == result.counts.emitted)
        var toa = 0
        var requests = 0
        for difference in comparison.differences {
            let rewrite = ReplayComparison.fields(difference, .rewrite)
            #expect(rewrite == ["ip.ttl"] || rewrite == ["ip.ttl", "tcp.options.toa"], "\(difference.fields)")
            let ttl = try #require(difference.fields.first { $0.field == "ip.ttl" })
            #expect(Int(ttl.expected) == Int(ttl.observed).map { $0 + 1 })
            if difference.expected.side == .realServer {
                requests += 1
                #expect(ReplayComparison.fields(difference, .nondeterministic) == ["tcp.sport", "tcp.seq"])
            } else {
                #expect(ReplayComparison.fields(difference, .nondeterministic).isEmpty)
            }
            if let option = difference.fields.first(where: { $0.field == "tcp.options.toa" }) {
                toa += 1
                #expect(difference.expected.side == .realServer)
                #expect(option.expected.hasPrefix("254 "))
                #expect(option.observed == "-")
            }
        }
        let connections = try ScenarioCatalog.load(scenario).captures.first { $0.file == "client.pcap" }?.expect
            .tcpConnections
        #expect(toa == 2 * (connections ?? 0))
        #expect(comparison.nondeterministic.map(\.field) == ["tcp.seq", "tcp.sport"])
        #expect(comparison.nondeterministic.allSatisfy { $0.count == requests })
        #expect(comparison.schedulerDisagreements.count == connections)
    }
}

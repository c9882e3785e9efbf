import LVSForwarding
import LVSReplay
import LVScope
import LVSTestSupport
import LVSWire
import Testing

/// Replaying the lab's healthy NAT and DR scenarios reproduces what the real (nftables)
/// director sent, field for field: every expected frame is aligned with an observed one and
/// identical, nothing observed toward a real server is left over. The one difference the
/// lab causes on purpose is the round-robin start (Fixtures/README.md "How the nftables
/// director differs", item 1): the lab's first connection goes to the last-listed real
/// server, the model's to the first, so every connection is a scheduler disagreement with
/// a configured server, re-aligned before the comparison.
@Suite struct LabReplayTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var scenario: String
        var inputs: [String]
        var against: [String]
        /// The input capture on the client side, whose scenario.json facts cross-check counts.
        var clientCapture: String
        var testDescription: String { scenario }
    }

    static let cases: [Case] = ["nat-ok", "nat-ok-v6", "nat-port-map", "nat-udp"].map {
        Case(scenario: $0, inputs: ReplayFixtures.twoArmed.inputs, against: ReplayFixtures.twoArmed.against,
             clientCapture: "client.pcap")
    } + ["dr-ok", "dr-ok-v6", "dr-udp"].map {
        Case(scenario: $0, inputs: ReplayFixtures.oneSegment.inputs, against: ReplayFixtures.oneSegment.against,
             clientCapture: "router.pcap")
    } + [Case(scenario: "two-vips-mixed", inputs: ["router.pcap", "rs1.pcap", "rs2.pcap"],
              against: ["director-eth0.pcap", "director-eth1.pcap"], clientCapture: "router.pcap")]

    @Test(arguments: cases)
    func reproducesTheDirector(_ lab: Case) throws {
        let result = try ReplayFixtures.replay(lab.scenario, inputs: lab.inputs, against: lab.against)
        let comparison = try #require(result.comparison)
        #expect(result.counts.emitted > 0)
        #expect(comparison.matched == result.counts.emitted)
        #expect(comparison.mismatched == 0)
        #expect(comparison.missing == 0)
        #expect(comparison.unexpected == 0)
        #expect(comparison.unchecked == 0)
        #expect(comparison.nondeterministic.isEmpty)
        #expect(!result.hasDifferences)
        #expect(comparison.differences.isEmpty, "\(comparison.differences.prefix(3))")
        // Only the pings to the VIP stay on the director (its own stack answers them).
        let facts = try #require(try ScenarioCatalog.load(lab.scenario).captures.first { $0.file == lab.clientCapture })
        #expect(result.counts.dropped == facts.expect.icmpEchoRequests)
        #expect(result.counts.droppedBy.allSatisfy { $0.reason == "local-delivery" })
        // Each TCP connection and each UDP exchange was scheduled once, on the other server.
        let connections = facts.expect.tcpConnections + facts.expect.udpFlows
        #expect(comparison.schedulerDisagreements.count == connections)
        #expect(comparison.schedulerDisagreements.allSatisfy { $0.observedIsConfigured })
    }

    /// With `--strict-scheduler` the same replay differs exactly in the real-server choice:
    /// the destination MAC always, and the destination address in NAT.
    @Test(arguments: cases)
    func strictSchedulerReportsOnlyTheChoice(_ lab: Case) throws {
        let result = try ReplayFixtures.replay(lab.scenario, inputs: lab.inputs, against: lab.against,
                                               strictScheduler: true)
        let comparison = try #require(result.comparison)
        #expect(result.hasDifferences)
        #expect(comparison.mismatched > 0)
        #expect(comparison.matched + comparison.mismatched == result.counts.emitted)
        for difference in comparison.differences {
            #expect(difference.fields.allSatisfy { $0.kind == .scheduler }, "\(difference.fields)")
            let names = Set(difference.fields.map(\.field))
            #expect(names.contains("eth.dst"))
            #expect(names.isSubset(of: ["eth.dst", "ip.dst", "tcp.dport", "udp.dport"]))
        }
    }

    /// As Linux 4.9 (before "ipvs: Decrement ttl", lvs-reference.md §0.1) the model leaves
    /// the request TTL alone: every request differs in `ip.ttl` by one and in nothing else;
    /// the replies, lowered by the forward path in every version, still match.
    @Test func kernelBeforeTTLDecrement() throws {
        let options = ReplayOptions(inputs: try ReplayFixtures.captures("nat-ok", ReplayFixtures.twoArmed.inputs),
                                    against: try ReplayFixtures.captures("nat-ok", ReplayFixtures.twoArmed.against))
        let result = try Replaying.run(configPath: try ReplayFixtures.config("nat-ok"), kernel: "linux-4.9",
                                       options: options)
        let comparison = try #require(result.comparison)
        #expect(result.profile == .linux(4, 9))
        #expect(comparison.mismatched == 156)
        #expect(comparison.matched == result.counts.emitted - 156)
        for difference in comparison.differences {
            #expect(difference.expected.side == .realServer)
            #expect(ReplayComparison.fields(difference, .rewrite) == ["ip.ttl"])
            let ttl = difference.fields.first { $0.field == "ip.ttl" }
            #expect(ttl.flatMap { Int($0.expected) } == ttl.flatMap { Int($0.observed) }.map { $0 + 1 })
        }
    }

    /// nat-rs-down: nothing listens on rs2, which answers UDP with ICMP port unreachable.
    /// IPVS rewrites the quoted header but leaves the quoted UDP checksum stale; conntrack,
    /// the lab's director, fixes it (Fixtures/README.md, item 4). The replay names exactly
    /// that field on exactly those errors; everything else, the resets included, matches.
    @Test func natICMPErrorsKeepTheQuotedChecksumStale() throws {
        let result = try ReplayFixtures.replay("nat-rs-down", inputs: ReplayFixtures.twoArmed.inputs,
                                               against: ReplayFixtures.twoArmed.against)
        let comparison = try #require(result.comparison)
        let unreachables = comparison.differences.filter { $0.expected.summary.hasSuffix("type 3 code 3") }
        #expect(unreachables.count == 5)
        #expect(comparison.differences.count == unreachables.count)
        for difference in comparison.differences {
            #expect(difference.fields.map(\.field) == ["icmp.quoted.l4checksum"])
            #expect(difference.expected.side == .client)
            #expect(difference.expected.inputCapture == "rs2")
        }
        #expect(comparison.matched == result.counts.emitted - 5)
        #expect(comparison.missing == 0 && comparison.unexpected == 0)
    }

    /// The director's own captures as input (an SLL2 `-i any` capture of both NICs, fed
    /// after conversion to Ethernet) and as observation point give the same verdict as the
    /// client and real-server captures; feeding the same packets from two points feeds each
    /// once.
    @Test func cookedAndDuplicatedInputs() throws {
        let cooked = try ReplayFixtures.replay("nat-ok", inputs: ["director-any.pcap"],
                                               against: ReplayFixtures.twoArmed.against)
        let both = try ReplayFixtures.replay("nat-ok", inputs: ["client.pcap", "director-eth0.pcap", "rs1.pcap",
                                                                "rs2.pcap", "director-eth1.pcap"],
                                             against: ["director-any.pcap"])
        let plain = try ReplayFixtures.replay("nat-ok", inputs: ReplayFixtures.twoArmed.inputs,
                                              against: ReplayFixtures.twoArmed.against)
        for result in [cooked, both] {
            #expect(result.counts.input == plain.counts.input)
            #expect(result.counts.emitted == plain.counts.emitted)
            #expect(result.comparison?.matched == plain.counts.emitted)
            #expect(result.hasDifferences == false)
        }
        #expect(both.counts.duplicates == plain.counts.input)
    }

    /// The inferred topology is the lab's (scenario.json): director MACs per side, router,
    /// real-server MACs, DIP; two-vips-mixed's DR servers sit on the client-side segment.
    @Test func infersTheLabTopology() throws {
        let nat = try ReplayFixtures.replay("nat-ok", inputs: ReplayFixtures.twoArmed.inputs, against: [])
        #expect(nat.topology.clientSide.mac.description == "02:00:00:00:02:01")
        #expect(nat.topology.realServerSide.mac.description == "02:00:00:00:02:02")
        #expect(nat.topology.clientRouter.description == "02:00:00:00:01:01")
        #expect(nat.topology.realServerSide.addresses.map(\.description) == ["192.0.2.1"])
        #expect(nat.topology.neighbours.mapValues(\.description)
            == [IPAddress("192.0.2.11")!: "02:00:00:00:03:01", IPAddress("192.0.2.12")!: "02:00:00:00:03:02"])
        #expect(nat.comparison == nil)
        let mixed = try ReplayFixtures.replay("two-vips-mixed", inputs: ["router.pcap"], against: ["director-eth1.pcap",
                                                                                                  "rs3.pcap"])
        #expect(mixed.topology.clientSideRealServers == [IPAddress("192.0.2.21")!, IPAddress("192.0.2.22")!])
        #expect(mixed.topology.clientRouter.description == "02:00:00:00:04:02")
        let dr = try ReplayFixtures.replay("dr-ok", inputs: ["router.pcap"], against: [])
        #expect(dr.topology.clientSide.mac == dr.topology.realServerSide.mac)
    }
}

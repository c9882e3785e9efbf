import LVSCapture
import LVSFlows
import LVSWire
import Testing

/// ARP and neighbour-discovery observations against the lab's record of who answered for
/// the VIP.
@Suite struct AddressClaimsTests {
    static let scenarios = (try? LabScenario.all().map(\.name)) ?? []

    @Test("the MACs that answered for the VIP, and used it as sender, at every capture point", arguments: scenarios)
    func vipClaims(_ name: String) throws {
        let scenario = try LabScenario(name: name)
        let claims = try FlowCollector.collect(scenario.inputs()).claims
        let vips = Set(scenario.services.compactMap { IPAddress($0.vip) })
        for capture in scenario.captures {
            let here = claims.claims.filter { vips.contains($0.address) && $0.point.point == capture.point }
            let answers = Set(here.filter(\.kind.isAnswer).map(\.mac.description)).sorted()
            let asking = Set(here.filter { !$0.kind.isAnswer || $0.kind == .gratuitousRequest }.map(\.mac.description))
                .sorted()
            #expect(answers == capture.vipRepliesFrom, "\(name)/\(capture.point) replies")
            #expect(asking == capture.vipRequestsFrom, "\(name)/\(capture.point) requests")
        }
    }

    /// dr-arp-leak: rs2 answers ARP for the VIP, so the router's cache for it flips
    /// between the director and rs2, and back.
    @Test("a DR real server answering ARP for the VIP makes its MAC flip-flop")
    func flipFlop() throws {
        let scenario = try LabScenario(name: "dr-arp-leak")
        let claims = try FlowCollector.collect(scenario.inputs()).claims
        let vip = try #require(IPAddress("198.51.100.10"))
        let director = try #require(MACAddress("02:00:00:00:02:01"))
        let rs2 = try #require(MACAddress("02:00:00:00:03:02"))
        let atRouter = try #require(claims.flipFlops.first { $0.address == vip && $0.point.point == "router-eth1" })
        #expect(atRouter.macs == [director, rs2] && atRouter.returns >= 1 && atRouter.changes >= 2)
        #expect(claims.macs(claiming: vip, answersOnly: true) == [director, rs2])
        #expect(claims.flipFlops.allSatisfy { $0.address == vip })
        // The router asked for the address it wanted to reach, and the answers came from both.
        #expect(!claims.queries(for: try #require(IPAddress("192.0.2.254"))).isEmpty)
        let healthy = try FlowCollector.collect(LabScenario(name: "dr-ok").inputs()).claims
        #expect(healthy.flipFlops.isEmpty)
        #expect(healthy.macs(claiming: vip, answersOnly: true) == [director])
    }

    /// An ICMP error is counted on the flow whose packet it quotes: nat-rs-down's UDP
    /// requests to rs2 are answered with port unreachable, from the VIP at the client.
    @Test("ICMP port unreachables attach to the UDP flows they quote")
    func icmpErrors() throws {
        let scenario = try LabScenario(name: "nat-rs-down")
        let records = try FlowCollector.collect(scenario.inputs(["client", "rs2"])).records
        let refused = records.at("client").filter { $0.protocolNumber == .udp && $0.icmpErrors != nil }
        #expect(refused.count == 5)
        for record in refused {
            let error = try #require(record.icmpErrors)
            #expect(error.type == 3 && error.code == 3 && error.sender.description == "198.51.100.10")
            #expect(record.state == .s0 && error.count >= 1)
        }
        let atServer = records.at("rs2").filter { $0.protocolNumber == .udp }
        #expect(atServer.count == 5 && atServer.allSatisfy { $0.icmpErrors?.sender.description == "192.0.2.12" })
        // The errors are ICMP flows too.
        #expect(records.at("client").contains { $0.protocolNumber == .icmp && $0.origPort == 3 && $0.respPort == 3 })
    }

    /// The synthetic FULL-NAT director view carries TOA on the handshake ACK toward the
    /// real server: kind 254, the client's address and port.
    @Test("TOA on the FULL-NAT handshake ACK")
    func toa() throws {
        let records = try FlowCollector.collect([CaptureInput(point: "director", path: try corpusFixture("lvs-fullnat.pcap"))])
            .records
        let carrying = records.filter { $0.toa != nil }
        #expect(!carrying.isEmpty)
        let correlation = try FlowCollector.collect([CaptureInput(point: "director",
                                                                  path: try corpusFixture("lvs-fullnat.pcap"))]).correlate()
        for record in carrying {
            let toa = try #require(record.toa)
            let option = try #require(toa.option)
            #expect(option.kind == 254 && toa.placements.contains(.handshakeACK) && toa.malformed == 0)
            #expect(record.optionRoomHandshakeACK != nil)
            // The option names the client of the connection's first leg.
            let connection = try #require(correlation.connection(of: record.uid))
            #expect(connection.legs.first?.origAddress == option.address)
            #expect(connection.legs.first?.origPort == option.port)
        }
    }
}

import LVSCapture
import LVSFlows
import LVSWire
import Testing

/// Stitching of the legs of each LVS connection on the lab scenarios.
@Suite struct CorrelationScenarioTests {
    /// Scenarios with one healthy service, by mode.
    static let healthy = ["nat-ok", "nat-ok-v6", "nat-port-map", "nat-udp", "fullnat-ok", "fullnat-ok-v6",
                          "fullnat-udp", "dr-ok", "dr-ok-v6", "dr-udp"]

    /// The fields each mode rewrites between the client leg and the real-server leg.
    static func expectedRewrites(mode: String, client: ConnectionLeg, server: ConnectionLeg) -> Rewrite {
        switch mode {
        case "nat":
            return client.respPort == server.respPort ? [.dstIP] : [.dstIP, .dstPort]
        case "fullnat":
            var expected: Rewrite = [.srcIP, .dstIP]
            if client.origPort != server.origPort { expected.insert(.srcPort) }
            if client.respPort != server.respPort { expected.insert(.dstPort) }
            return expected
        default:
            return [.dstMAC]
        }
    }

    @Test("every real-server leg is stitched to its client leg, with the mode's rewrites", arguments: healthy)
    func realServerLegs(_ name: String) throws {
        let scenario = try LabScenario(name: name)
        let mode = try #require(scenario.mode)
        let service = try #require(scenario.services.first)
        let collection = try FlowCollector.collect(scenario.inputs())
        let correlation = collection.correlate()
        let serverPoints = scenario.captures.filter { $0.role == "real-server" }.map(\.point)
        let serverRecords = collection.records.filter {
            serverPoints.contains($0.point.point) && $0.protocolNumber.description == service.proto
        }
        #expect(serverRecords.count >= (service.proto == "udp" ? 10 : 20) / 2 * serverPoints.count)
        for record in serverRecords {
            let connection = try #require(correlation.connection(of: record.uid), "\(name): \(record.uid) stitched")
            #expect(connection.legs.count == 2, "\(name): \(connection.id) has a client and a server leg")
            guard connection.legs.count == 2 else { continue }
            let client = connection.legs[0]
            let server = connection.legs[1]
            #expect(client.respAddress.description == service.vip && Int(client.respPort) == service.port,
                    "\(name): the first leg goes to the VIP")
            #expect(server.observations.contains { $0.uid == record.uid }, "\(name): the RS record is on the RS leg")
            #expect(server.rewrites == Self.expectedRewrites(mode: mode, client: client, server: server),
                    "\(name) \(connection.id): \(server.rewrites)")
            #expect(client.observations.contains { $0.point.point == "client" }, "\(name): the client saw the first leg")
        }
    }

    /// `members` (by record index) says what `membership` (by uid) says, for every record,
    /// and each observation names the record it was made from.
    @Test("membership by record index agrees with membership by uid",
          arguments: healthy + ["two-vips-mixed", "nat-wrong-gateway"])
    func membersByIndex(_ name: String) throws {
        let scenario = try LabScenario(name: name)
        let collection = try FlowCollector.collect(scenario.inputs())
        let correlation = collection.correlate()
        #expect(correlation.members.count == collection.records.count)
        var stitched = 0
        for (i, record) in collection.records.enumerated() {
            let byUID = correlation.membership[record.uid]
            #expect(correlation.members[i]?.connection == byUID?.connection, "\(name): \(record.uid)")
            #expect(correlation.members[i]?.rewrites == byUID?.rewrites, "\(name): \(record.uid)")
            if byUID != nil { stitched += 1 }
        }
        #expect(stitched == correlation.membership.count && stitched > 0)
        // Another order of the same records: the index no longer names the record the
        // correlation saw there, so the answer comes from the uid.
        let reversed = Array(collection.records.reversed())
        for (i, record) in reversed.enumerated() {
            let byIndex = correlation.member(at: i, uid: record.uid)
            #expect(byIndex?.connection == correlation.membership[record.uid]?.connection, "\(name): \(record.uid)")
        }
        for connection in correlation.connections {
            for observation in connection.legs.flatMap(\.observations) {
                #expect(collection.records[observation.record].uid == observation.uid, "\(name): \(connection.id)")
            }
        }
    }

    /// All 20 (or 10 UDP) connections are found, none twice, none with a third leg.
    @Test("connection counts", arguments: healthy)
    func connectionCount(_ name: String) throws {
        let scenario = try LabScenario(name: name)
        let correlation = try FlowCollector.collect(scenario.inputs()).correlate()
        let expected = scenario.name.hasSuffix("udp") ? 10 : 20
        #expect(correlation.connections.count == expected)
        #expect(correlation.connections.allSatisfy { $0.legs.count == 2 })
        #expect(Set(correlation.connections.map(\.id)).count == correlation.connections.count)
    }

    /// A single director capture holds both legs: NAT on two interfaces (`-i any`, one
    /// sub-point per interface), DR on one interface (same 5-tuple, two MAC legs).
    struct DirectorCase: Sendable, CustomStringConvertible {
        var scenario: String
        var point: String
        var rewrites: Rewrite
        var description: String { "\(scenario)/\(point)" }
    }

    @Test("a single director capture stitches its own two legs", arguments: [
        DirectorCase(scenario: "nat-ok", point: "director-any", rewrites: .dstIP),
        DirectorCase(scenario: "fullnat-ok", point: "director-any", rewrites: [.srcIP, .srcPort, .dstIP]),
        DirectorCase(scenario: "dr-ok", point: "director-eth0", rewrites: .dstMAC),
        DirectorCase(scenario: "dr-ok", point: "director-any", rewrites: .dstMAC),
        DirectorCase(scenario: "dr-ok-v6", point: "director-eth0", rewrites: .dstMAC),
    ])
    func singleDirector(_ test: DirectorCase) throws {
        let scenario = try LabScenario(name: test.scenario)
        let correlation = try FlowCollector.collect(scenario.inputs([test.point])).correlate()
        #expect(correlation.connections.count == 20)
        for connection in correlation.connections {
            #expect(connection.legs.count == 2)
            #expect(connection.legs.last?.rewrites == test.rewrites, "\(connection.id)")
            #expect(connection.legs.allSatisfy { leg in leg.observations.allSatisfy { $0.point.point == test.point } })
        }
    }

    /// The correlator reuses its working lists from one group of records to the next: a
    /// connection must come out the same when its records are correlated alone.
    @Test("a connection's legs do not depend on the connections stitched before it",
          arguments: ["dr-ok", "dr-ok-v6", "nat-ok", "fullnat-ok", "two-vips-mixed"])
    func legsAlone(_ name: String) throws {
        let scenario = try LabScenario(name: name)
        let collection = try FlowCollector.collect(scenario.inputs())
        let points = collection.points.map(\.input.point)
        let together = collection.correlate()
        #expect(together.connections.count >= 20)
        for connection in together.connections {
            let uids = Set(connection.legs.flatMap { $0.observations.map(\.uid) })
            let records = collection.records.filter { uids.contains($0.uid) }
            let alone = Correlator(records: records, points: points).correlate()
            #expect(alone.connections.count == 1, "\(name) \(connection.id)")
            let legs = alone.connections.first?.legs ?? []
            #expect(legs.map(\.tupleDescription) == connection.legs.map(\.tupleDescription), "\(name) \(connection.id)")
            #expect(legs.map(\.links) == connection.legs.map(\.links), "\(name) \(connection.id)")
            // Record indices are positions in the records correlated: compared through the
            // uid of the record they name.
            func observed(_ legs: [ConnectionLeg], _ records: [FlowRecord]) -> [[String]] {
                legs.map { leg in
                    leg.observations.map { "\($0.point) \($0.input) \($0.uid) \(records[$0.record].uid) \($0.links)" }
                }
            }
            #expect(observed(legs, records) == observed(connection.legs, collection.records),
                    "\(name) \(connection.id)")
            #expect(legs.map(\.rewrites) == connection.legs.map(\.rewrites), "\(name) \(connection.id)")
            #expect(alone.connections.first?.id == connection.id)
        }
    }

    /// TUN (synthetic director capture): the request leaves IP-in-IP on the same 5-tuple.
    @Test("a TUN director capture stitches the tunnel leg")
    func tunnel() throws {
        let path = try corpusFixture("lvs-tun.pcap")
        let collection = try FlowCollector.collect([CaptureInput(point: "director", path: path)])
        let correlation = collection.correlate()
        #expect(!correlation.connections.isEmpty)
        for connection in correlation.connections {
            let last = try #require(connection.legs.last)
            #expect(last.rewrites.contains(.encapsulated))
            #expect(last.tunnel != nil)
            #expect(!last.rewrites.contains(.dstIP))
        }
    }
}

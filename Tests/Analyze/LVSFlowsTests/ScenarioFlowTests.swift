import LVSCapture
import LVSFlows
import LVSWire
import Testing

/// Flow tables against the lab's ground truth and tshark, on every scenario.
@Suite struct ScenarioFlowTests {
    static let scenarios = (try? LabScenario.all().map(\.name)) ?? []

    /// scenario.json's `tcpConnections` counts the 5-tuples with a SYN; tshark's
    /// conversation table every TCP 5-tuple (at a NAT director also a client's RSTs to a
    /// real server that answered it directly). One flow per tuple here, per sub-point.
    @Test("TCP connections and UDP flows per capture point match scenario.json and tshark", arguments: scenarios)
    func counts(_ name: String) throws {
        let scenario = try LabScenario(name: name)
        let records = try FlowCollector.collect(scenario.inputs()).records
        for capture in scenario.captures {
            let here = records.at(capture.point)
            let tcp = Set(here.filter { $0.protocolNumber == .tcp }.map(Conversation.init))
            let withSYN = Set(here.filter { $0.protocolNumber == .tcp && ($0.synFrame != nil || $0.synAckFrame != nil) }
                .map(Conversation.init))
            let udp = Set(here.filter { $0.protocolNumber == .udp }.map(Conversation.init))
            #expect(withSYN.count == capture.tcpConnections, "\(name)/\(capture.point) TCP connections")
            #expect(udp.count == capture.udpFlows, "\(name)/\(capture.point) UDP flows")
            if let tshark = try tsharkConversations(scenario: name, file: capture.file, path: capture.path) {
                #expect(tcp.count == tshark.tcp, "\(name)/\(capture.point) tshark conv,tcp")
                #expect(udp.count == tshark.udp, "\(name)/\(capture.point) tshark conv,udp")
            }
        }
    }

    /// The failing connections of the misconfiguration scenarios, as Zeek would name them:
    /// unanswered SYNs are S0, refused ones REJ, and only toward the broken real server.
    @Test("conn_state of failing connections", arguments: [
        ("nat-rs-blackhole", ConnState.s0), ("dr-missing-vip", .s0), ("nat-rs-down", .rej), ("dr-rs-down", .rej),
    ])
    func failingConnections(_ name: String, _ expected: ConnState) throws {
        let scenario = try LabScenario(name: name)
        let collection = try FlowCollector.collect(scenario.inputs())
        let correlation = collection.correlate()
        let client = collection.records.at("client").filter { $0.protocolNumber == .tcp }
        let failing = client.filter { $0.state == expected }
        #expect(failing.count == 10, "\(name): half of the 20 connections go to the broken server")
        #expect(client.filter { $0.state == .sf }.count == 10)
        for record in failing {
            // Each failing client leg is stitched to a leg toward rs2 (192.0.2.12).
            let connection = try #require(correlation.connection(of: record.uid), "\(record.uid) stitched")
            let toward = connection.legs.last.map { $0.respAddress.description } ?? ""
            let viaMAC = connection.legs.last?.links.contains { $0.destination?.description == "02:00:00:00:03:02" } ?? false
            #expect(toward == "192.0.2.12" || viaMAC, "\(name): \(record.uid) goes to rs2")
            if expected == .s0 { #expect(record.history.hasPrefix("S") && !record.history.contains("h")) }
            if expected == .rej { #expect(record.history.contains("r")) }
        }
    }
}

import LVSCapture
import LVSFlows
import LVSWire
import Testing

/// A forwarded copy is not a retransmission; a retransmission is.
@Suite struct RetransmissionTests {
    /// tshark's `tcp.analysis.retransmission` count (`tshark -r FILE -Y
    /// tcp.analysis.retransmission | wc -l`, tshark 4.0.17), live when tshark is there.
    static func tsharkRetransmissions(_ path: String, recorded: Int) throws -> Int {
        guard let output = try runTool("tshark", ["-r", path, "-Y", "tcp.analysis.retransmission"]) else { return recorded }
        return output.split(separator: "\n").count
    }

    static func totals(_ records: [FlowRecord]) -> (retransmissions: Int, copies: Int) {
        records.filter { $0.protocolNumber == .tcp }.reduce(into: (0, 0)) {
            $0.0 += $1.orig.retransmissions + $1.resp.retransmissions
            $0.1 += $1.forwardedCopies
        }
    }

    @Test("a DR director sees every request twice, and none is a retransmission",
          arguments: ["director-eth0", "director-any", "segment"])
    func drDirector(_ point: String) throws {
        let scenario = try LabScenario(name: "dr-ok")
        let capture = try #require(scenario.capture(point))
        let records = try FlowCollector.collect(scenario.inputs([point])).records
        let (retransmissions, copies) = Self.totals(records)
        #expect(retransmissions == 0)
        #expect(try Self.tsharkRetransmissions(capture.path, recorded: 60) == 60, "tshark takes the copies for retransmissions")
        // Every request packet of the 20 connections left again toward a real server.
        let orig = records.filter { $0.protocolNumber == .tcp }.reduce(0) { $0 + $1.orig.packets }
        #expect(copies == orig)
        for record in records where record.protocolNumber == .tcp {
            #expect(record.linkLegs.filter { $0.direction == .orig }.count == 2, "\(record.uid) in and out legs")
        }
    }

    @Test("unanswered SYNs are retransmitted, at the client and at the real server")
    func synRetries() throws {
        let scenario = try LabScenario(name: "nat-rs-blackhole")
        let records = try FlowCollector.collect(scenario.inputs(["client", "rs2"])).records
        for point in ["client", "rs2"] {
            let capture = try #require(scenario.capture(point))
            let here = records.at(point).filter { $0.protocolNumber == .tcp }
            #expect(Self.totals(here).retransmissions == (try Self.tsharkRetransmissions(capture.path, recorded: 10)))
            for record in here where record.state == .s0 {
                #expect(record.orig.retransmissions >= 1 && record.history.contains("T"), "\(point) \(record.uid)")
                #expect(record.forwardedCopies == 0)
            }
        }
    }

    @Test("the synthetic captures' retransmissions are counted as tshark counts them, copies apart",
          arguments: [("lvs-vip.pcap", 2, 2), ("lvs-nat.pcap", 4, 4), ("lvs-dr.pcap", 1, 126)])
    func synthetic(_ file: String, _ expected: Int, _ tshark: Int) throws {
        let path = try corpusFixture(file)
        let records = try FlowCollector.collect([CaptureInput(path: path)]).records
        let (retransmissions, copies) = Self.totals(records)
        #expect(retransmissions == expected)
        #expect(try Self.tsharkRetransmissions(path, recorded: tshark) == tshark)
        // On the DR director view tshark's extra "retransmissions" are the forwarded copies.
        #expect(file != "lvs-dr.pcap" || copies > 0)
    }
}

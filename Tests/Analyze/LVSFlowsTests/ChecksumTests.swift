import LVSCapture
import LVSDecode
import LVSFlows
import Testing

/// Checksum problems per direction: offload (a capture artifact of the sending host)
/// apart from wrong checksums.
@Suite struct ChecksumTests {
    /// nat-capture-offload's rs1.pcap was taken on rs1 with checksum offload on: what rs1
    /// sent carries the pseudo-header sum, what it received is correct.
    @Test("offloaded checksums are counted on the capturing host's side, none as bad")
    func offload() throws {
        let scenario = try LabScenario(name: "nat-capture-offload")
        let records = try FlowCollector.collect(scenario.inputs(["rs1", "client"]),
                                                decoder: PacketDecoder.Options(verifyChecksums: true)).records
        let server = records.at("rs1").filter { $0.protocolNumber == .tcp }
        #expect(server.count == 10)
        for record in server {
            #expect(record.resp.offloadedChecksums > 0 && record.orig.offloadedChecksums == 0, "\(record.uid)")
            #expect(record.orig.badChecksums == 0 && record.resp.badChecksums == 0)
            #expect(!record.history.lowercased().contains("c"))
        }
        let client = records.at("client").filter { $0.protocolNumber == .tcp }
        #expect(client.allSatisfy { $0.orig.offloadedChecksums == 0 && $0.resp.offloadedChecksums == 0 })
    }
}

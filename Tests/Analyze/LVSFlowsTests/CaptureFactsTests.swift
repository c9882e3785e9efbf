import LVSCapture
import LVSFlows
import LVSTestSupport
import LVSWire
import Testing

/// Facts the rules read beside the flows: how many packets a capture cut at its snaplen,
/// and which flows carried IPv4 options (where DPVS puts UOA).
@Suite struct CaptureFactsTests {
    /// lvs-nat-snap96.pcap: snaplen 96, 370 frames cut (the corpus oracle's `truncated`).
    @Test func snaplenCutsAreCountedPerPoint() throws {
        let cut = try FixturePaths.corpusFile("lvscope-fixtures/lvs-nat-snap96.pcap")
        let whole = try FixturePaths.corpusFile("lvscope-fixtures/lvs-nat.pcap")
        let collection = try FlowCollector.collect([CaptureInput(point: "cut", path: cut),
                                                    CaptureInput(point: "whole", path: whole)])
        #expect(collection.points.map(\.statistics.truncatedPackets) == [370, 0])
    }

    /// A UDP datagram LIP → RIP with IP option 31 (UOA: type 0x1F, length 8, port 5353,
    /// address 203.0.113.10), and one without options on another flow.
    @Test func ipOptionsAreFlaggedPerFlow() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("uoa.pcap")
        let withUOA = PacketBuilder.udp("192.0.2.100:1025", "192.0.2.11:8053", payload: [0x51, 0x20, 0x36, 0x34])
            .ipv4 { $0.options = [0x1F, 0x08, 0x14, 0xE9, 203, 0, 113, 10] }
        let plain = PacketBuilder.udp("192.0.2.100:1026", "192.0.2.11:8053", payload: [0x51, 0x20, 0x36, 0x34])
        let writer = try CaptureWriter(path: path, linkType: .ethernet)
        for (i, frame) in [withUOA.bytes, plain.bytes].enumerated() {
            try frame.withUnsafeBytes { try writer.write(timestamp: Timestamp(seconds: 1_700_000_000 + Int64(i), nanoseconds: 0), bytes: $0) }
        }
        try writer.close()
        let records = try FlowCollector.collect([CaptureInput(point: "rs", path: path)]).records
        #expect(records.map(\.origPort) == [1025, 1026])
        #expect(records.map(\.ipOptions) == [true, false])
    }
}

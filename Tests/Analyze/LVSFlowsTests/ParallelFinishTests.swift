import LVSCapture
import LVSDecode
@testable import LVSFlows
import Testing

/// At the end of input, the records of many live flows are made on two threads
/// (`FlowTracker.finish`): they must be the records one thread makes, in the same order.
@Suite struct ParallelFinishTests {
    private func records(_ path: String, parallelFinish: Int) throws -> [String] {
        let reader = try CaptureReader(path: path)
        var emitted: [String] = []
        let tracker = FlowTracker(point: "capture", interfaces: reader.info.interfaces) {
            emitted.append(String(reflecting: $0))
        }
        tracker.parallelFinish = parallelFinish
        let decoder = PacketDecoder()
        var packet = DecodedPacket()
        while let borrowed = try reader.nextPacket() {
            decoder.decode(borrowed.bytes, linkType: borrowed.record.linkType,
                           originalLength: borrowed.record.originalLength, into: &packet)
            tracker.process(borrowed.record, packet, borrowed.bytes)
        }
        tracker.finish()
        #expect(tracker.statistics.flowsEmitted == emitted.count)
        return emitted
    }

    @Test("records made on two threads equal those made on one",
          arguments: ["lvs-nat.pcap", "lvs-dr.pcap", "lvs-fullnat.pcap", "lvs-mixed-eth-sll2.pcapng"])
    func sameRecords(_ name: String) throws {
        let path = try corpusFixture(name)
        let one = try records(path, parallelFinish: .max)
        #expect(one.count > 10)
        #expect(try records(path, parallelFinish: 1) == one)
    }
}

import LVSCapture
import LVSTestSupport
import LVSWire
import Testing

/// Time-ordered merging of several captures.
@Suite struct CaptureMergeTests {
    struct Delivered: Equatable {
        var input: Int
        var record: PacketRecord
        var sum: UInt64
    }

    private func merge(_ paths: [String]) throws -> (packets: [Delivered], summary: CaptureMergeSummary) {
        let merge = try CaptureMerge(paths: paths)
        var packets: [Delivered] = []
        let summary = try merge.forEachPacket { input, record, bytes in
            packets.append(Delivered(input: input, record: record, sum: checksum(bytes)))
            return .continue
        }
        return (packets, summary)
    }

    @Test("lvs-nat-sll2.pcap and lvs-vip.pcap merge into mergecap's order")
    func matchesMergecap() throws {
        // lvs-mixed-eth-sll2.pcapng is mergecap's merge of lvs-vip.pcap (its interface 0)
        // and lvs-nat-sll2.pcap (interface 1); on equal times mergecap put the SLL2
        // packet first, so the SLL2 file is our input 0.
        let (packets, summary) = try merge([try fixture("lvs-nat-sll2.pcap"), try fixture("lvs-vip.pcap")])
        let mixed = try readAll(try fixture("lvs-mixed-eth-sll2.pcapng"))
        #expect(packets.count == 1497 && summary.packets == 1497 && !summary.stopped)
        #expect(summary.inputs == [CaptureReadSummary(packets: 750, truncatedTail: false, stopped: false),
                                   CaptureReadSummary(packets: 747, truncatedTail: false, stopped: false)])
        for (packet, record) in zip(packets, mixed.records) {
            #expect(packet.record.timestamp == record.timestamp && packet.record.originalLength == record.originalLength)
            #expect(packet.input == 1 - record.interfaceIndex, "frame \(record.frameNumber)")
        }
        // Time order, ties by input then frame; each input's frames in file order.
        for (a, b) in zip(packets, packets.dropFirst()) {
            #expect(a.record.timestamp < b.record.timestamp
                || (a.record.timestamp == b.record.timestamp && a.input <= b.input))
        }
        for input in 0..<2 {
            let frames = packets.filter { $0.input == input }.map(\.record.frameNumber)
            #expect(frames == Array(1...frames.count))
        }
    }

    @Test("merged packets carry their own bytes, not a neighbour's")
    func bytesBelongToTheirRecord() throws {
        let paths = [try fixture("lvs-vip.pcap"), try fixture("lvs-nat.pcap"), try fixture("lvs-nat-sll.pcap")]
        let (packets, _) = try merge(paths)
        for (input, path) in paths.enumerated() {
            let reader = try CaptureReader(path: path)
            var expected: [UInt64] = []
            try reader.forEachPacket { _, bytes in
                expected.append(checksum(bytes))
                return .continue
            }
            #expect(packets.filter { $0.input == input }.map(\.sum) == expected, "input \(input)")
        }
    }

    @Test("a file merged with itself: ties go to the first input, then by frame")
    func stableTies() throws {
        let path = try fixture("lvs-nat.pcap")
        let (packets, _) = try merge([path, path])
        // The order the merge promises, as a sort of all (time, input, frame) triples.
        let single = try readAll(path).records
        let expected = [0, 1].flatMap { input in single.map { (input, $0) } }.sorted { a, b in
            (a.1.timestamp, a.0, a.1.frameNumber) < (b.1.timestamp, b.0, b.1.frameNumber)
        }
        #expect(packets.count == 1500)
        #expect(packets.map(\.input) == expected.map(\.0))
        #expect(packets.map(\.record) == expected.map(\.1))
        // lvs-nat.pcap has frames sharing a timestamp, so input 0 runs ahead on ties.
        #expect(packets.map(\.input) != (0..<1500).map { $0 % 2 })
    }

    @Test("takePackets in runs, refusing one packet per run, delivers what nextPacket does", arguments: [
        ["lvs-nat.pcap"], ["lvs-vip.pcap", "lvs-nat.pcap", "lvs-nat-sll.pcap"],
    ])
    func runsOfPackets(_ names: [String]) throws {
        let paths = try names.map { try fixture($0) }
        let (expected, _) = try merge(paths)
        let merge = try CaptureMerge(paths: paths)
        var taken: [Delivered] = []
        var offers = 0
        var runs = 0
        var ended = false
        // Runs of 1 to 7 packets; the packet that ends a run is refused and must come first
        // in the next run, with its own bytes.
        while !ended {
            runs += 1
            let length = runs % 7 + 1
            var inRun = 0
            ended = try merge.takePackets { input, packet in
                offers += 1
                guard inRun < length else { return false }
                inRun += 1
                taken.append(Delivered(input: input, record: packet.record, sum: checksum(packet.bytes)))
                return true
            }
        }
        // Compared element by element: a failure names the first packet out of place.
        let mismatch = zip(taken, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(taken.count == expected.count && mismatch == nil, "first difference at \(mismatch ?? taken.count)")
        #expect(offers == taken.count + runs - 1)
        #expect(try merge.takePackets { _, _ in true })
        #expect(try merge.nextPacket() == nil)
    }

    @Test("stopping early, a cut tail in one input, and no inputs")
    func stopAndSummaries() throws {
        let merge = try CaptureMerge(paths: [try fixture("lvs-nat-cut-tail.pcap"), try fixture("lvs-vip.pcap")])
        var count = 0
        let stopped = try merge.forEachPacket { _, _, _ in
            count += 1
            return count == 100 ? .stop : .continue
        }
        #expect(stopped.packets == 100 && stopped.stopped)
        let rest = try merge.forEachPacket { _, _, _ in .continue }
        #expect(rest.packets == 749 + 747 - 100 && !rest.stopped)
        #expect(rest.inputs.map(\.truncatedTail) == [true, false] && rest.inputs.map(\.packets) == [749, 747])
        #expect(try CaptureMerge(readers: []).nextPacket() == nil)
    }
}

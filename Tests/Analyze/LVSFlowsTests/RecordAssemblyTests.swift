import LVSCapture
import LVSDecode
@testable import LVSFlows
import LVSWire
import Testing

/// `RecordAssembly` makes the live flows' records straight into their sorted places: the
/// result must be what each tracker's `finish()` in turn followed by a stable sort in
/// `FlowCollection.order` gives, on one thread or two.
@Suite struct RecordAssemblyTests {
    /// Records as the trackers emit them.
    private final class Sink {
        var records: [FlowRecord] = []
    }

    /// SYNs in three waves, 1000 in the same nanosecond each (ties on time), 200 s apart:
    /// the first waves end idle (emitted while reading), the last is live at the end.
    private func trackers(_ sink: Sink) -> [FlowTracker] {
        let made = ["a", "b"].enumerated().map { input, name in
            FlowTracker(point: name, input: input) { sink.records.append($0) }
        }
        let frame = UnsafeMutableRawBufferPointer.allocate(byteCount: 54, alignment: 8)
        defer { frame.deallocate() }
        var packet = DecodedPacket()
        for wave in 0..<3 {
            for i in 0..<1000 {
                MillionFlowTests.syn(wave * 1000 + i, into: frame)
                let time = MillionFlowTests.start.adding(nanoseconds: Int64(wave) * 200_000_000_000)
                let record = PacketRecord(frameNumber: wave * 1000 + i + 1, timestamp: time, capturedLength: 54,
                                          originalLength: 54, linkType: .ethernet, interfaceIndex: 0)
                PacketDecoder().decode(UnsafeRawBufferPointer(frame), linkType: .ethernet, originalLength: 54,
                                       into: &packet)
                // The first point sees every packet, the second every other one.
                made[0].process(record, packet, UnsafeRawBufferPointer(frame))
                if i % 2 == 0 { made[1].process(record, packet, UnsafeRawBufferPointer(frame)) }
            }
        }
        return made
    }

    private func reference() -> [String] {
        let sink = Sink()
        for tracker in trackers(sink) { tracker.finish() }
        let sorted = sink.records.enumerated().sorted { x, y in
            FlowCollection.order(x.element, y.element)
                || (!FlowCollection.order(y.element, x.element) && x.offset < y.offset)
        }
        return sorted.map { String(reflecting: $0.element) }
    }

    @Test("assembled records equal finish() and a stable sort, on one thread and on two", arguments: [Int.max, 1])
    func sameAsFinishAndSort(parallel: Int) throws {
        let expected = reference()
        let sink = Sink()
        let made = trackers(sink)
        let emitted = sink.records
        #expect(emitted.count >= 1000 && emitted.count <= 3000)
        let assembled = RecordAssembly.assemble(emitted: emitted, trackers: made, parallel: parallel)
        #expect(assembled.count == expected.count && expected.count == 4500)
        #expect(assembled.map { String(reflecting: $0) } == expected)
        #expect(made.allSatisfy { $0.statistics.liveFlows == 0 })
        #expect(made.map(\.statistics.flowsEmitted).reduce(0, +) == expected.count)
    }
}

import Foundation
import LVSCapture
@testable import LVSFlows
import LVSTestSupport
import Synchronization
import Testing

/// Reading progress (`ReadProgress`) as flows are collected: reports climb to every byte
/// of the captures and end with one marked finished; short runs report nothing.
@Suite struct CollectionProgressTests {
    private func inputs() throws -> [CaptureInput] {
        [CaptureInput(point: "nat", path: try corpusFixture("lvs-nat.pcap")),
         CaptureInput(point: "mixed", path: try corpusFixture("lvs-mixed-eth-sll2.pcapng"))]
    }

    private func reports(_ inputs: [CaptureInput], _ shape: ReadAhead.Shape) throws -> [ReadProgress] {
        let seen = Mutex<[ReadProgress]>([])
        _ = try FlowCollector.collect(inputs, configuration: FlowConfiguration(), decoder: .init(), reading: shape) {
            progress in seen.withLock { $0.append(progress) }
        }
        return seen.withLock { $0 }
    }

    @Test("every batch reported: the bytes read never go back, and the last report is the whole, finished")
    func reportsClimbToTheEnd() throws {
        let inputs = try inputs()
        let total = try inputs.reduce(0) { sum, input in
            sum + (try #require(try FileManager.default.attributesOfItem(atPath: input.path)[.size] as? Int))
        }
        let eager = ReadProgressReporter.Pace(delay: 0, interval: 0)
        for shape in [ReadAhead.Shape(threaded: true, batchPackets: 16, progressPace: eager),
                      ReadAhead.Shape(threaded: false, batchPackets: 16, progressPace: eager)] {
            let seen = try reports(inputs, shape)
            // About 1,500 packets in batches of 16.
            #expect(seen.count > 50, "\(shape)")
            #expect(seen.allSatisfy { $0.totalBytes == total && $0.bytesRead <= total }, "\(shape)")
            #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.bytesRead <= $1.bytesRead }, "\(shape)")
            #expect(seen.dropLast().allSatisfy { !$0.finished }, "\(shape)")
            #expect(seen.last == ReadProgress(bytesRead: total, totalBytes: total, finished: true), "\(shape)")
            #expect(seen.dropLast().contains { $0.bytesRead > 0 && $0.bytesRead < total }, "\(shape)")
        }
    }

    @Test("a run shorter than the default half-second delay reports nothing, not even its end")
    func shortRunsStayQuiet() throws {
        #expect(try reports(try inputs(), ReadAhead.Shape()).isEmpty)
    }

    @Test("a reading error still ends the reports with a finished one")
    func failedReadFinishes() throws {
        let directory = try TemporaryDirectory()
        let path = try natCaptureFailingAtFrame300(in: directory)
        let seen = Mutex<[ReadProgress]>([])
        let shape = ReadAhead.Shape(threaded: true, batchPackets: 16, progressPace: .init(delay: 0, interval: 0))
        #expect(throws: CaptureError.self) {
            try FlowCollector.collect([CaptureInput(point: "bad", path: path)], configuration: FlowConfiguration(),
                                      decoder: .init(), reading: shape) { progress in
                seen.withLock { $0.append(progress) }
            }
        }
        let reports = seen.withLock { $0 }
        #expect(reports.count > 10)
        #expect(reports.last?.finished == true)
    }
}

import Foundation
import LVSCapture
@testable import LVSFlows
import LVSTestSupport
import Testing

/// Reading and decoding ahead on a second thread (`ReadAhead`) must not change a single
/// flow, whatever the batch boundaries, and must report a read error as reading in line
/// does.
@Suite struct ReadAheadTests {
    /// Everything a record holds, as text (FlowRecord is not Equatable).
    private func rendered(_ collection: FlowCollection) -> [String] {
        collection.records.map { String(reflecting: $0) }
    }

    private func collect(_ inputs: [CaptureInput], _ shape: ReadAhead.Shape) throws -> FlowCollection {
        try FlowCollector.collect(inputs, configuration: FlowConfiguration(), decoder: .init(), reading: shape)
    }

    @Test("every lab scenario: threaded, in line and with tiny batches give the same flows and claims")
    func sameFlowsEveryWay() throws {
        // 3 packets per batch: most frames end a batch.
        let tiny = ReadAhead.Shape(threaded: true, batchPackets: 3, batchCount: 2)
        let scenarios = try LabScenario.all()
        #expect(scenarios.count >= 10)
        for scenario in scenarios {
            let inputs = scenario.inputs()
            let inline = try collect(inputs, ReadAhead.Shape(threaded: false))
            #expect(!inline.records.isEmpty, "\(scenario)")
            for shape in [ReadAhead.Shape(), tiny, ReadAhead.Shape(threaded: false, batchPackets: 1)] {
                let other = try collect(inputs, shape)
                #expect(rendered(other) == rendered(inline), "\(scenario) \(shape)")
                #expect(other.packets == inline.packets, "\(scenario) \(shape)")
                #expect(String(reflecting: other.claims) == String(reflecting: inline.claims), "\(scenario) \(shape)")
                #expect(other.points.map(\.packets) == inline.points.map(\.packets), "\(scenario) \(shape)")
            }
        }
    }

    @Test("a read error mid-file is thrown by the threaded reader as by the in-line one")
    func readErrorPropagates() throws {
        let directory = try TemporaryDirectory()
        let path = try natCaptureFailingAtFrame300(in: directory)
        for shape in [ReadAhead.Shape(), ReadAhead.Shape(threaded: false),
                      ReadAhead.Shape(threaded: true, batchPackets: 7, batchCount: 2)] {
            let error = #expect(throws: CaptureError.self) {
                try collect([CaptureInput(point: "bad", path: path)], shape)
            }
            guard case let .readFailed(frame, _)? = error?.reason else {
                Issue.record("expected readFailed, got \(String(describing: error))")
                continue
            }
            #expect(frame == 300)
        }
    }
}

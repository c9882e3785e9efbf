import LVSCapture
@testable import LVSFlows
import Testing

/// When no thread can be started, reading, stitching and the final records run on the
/// caller's thread and give the same flows. (While this test runs, other tests that
/// start threads take the same fallbacks, which by design changes none of their results.)
@Suite struct ThreadFallbackTests {
    @Test("no thread to be had: the same records, connections and claims on every lab scenario")
    func sameResultsWithoutThreads() throws {
        let tiny = ReadAhead.Shape(threaded: true, batchPackets: 5, batchCount: 2)
        var expected: [String: (records: [String], connections: [ServiceConnection])] = [:]
        let scenarios = try LabScenario.all()
        for scenario in scenarios {
            let collection = try FlowCollector.collect(scenario.inputs(), configuration: FlowConfiguration(),
                                                       decoder: .init(), reading: tiny)
            var correlator = Correlator(records: collection.records, points: collection.points.map(\.input.point))
            correlator.parallelGroups = 2
            expected[scenario.name] = (collection.records.map { String(reflecting: $0) },
                                       correlator.correlate().connections)
        }
        ThreadCreation.refused.store(true, ordering: .relaxed)
        defer { ThreadCreation.refused.store(false, ordering: .relaxed) }
        #expect(startThread {} == nil)
        for scenario in scenarios {
            let collection = try FlowCollector.collect(scenario.inputs(), configuration: FlowConfiguration(),
                                                       decoder: .init(), reading: tiny)
            var correlator = Correlator(records: collection.records, points: collection.points.map(\.input.point))
            correlator.parallelGroups = 2
            #expect(collection.records.map { String(reflecting: $0) } == expected[scenario.name]?.records,
                    "\(scenario)")
            #expect(correlator.correlate().connections == expected[scenario.name]?.connections, "\(scenario)")
        }
        let (first, second) = inParallel({ 1 }, { 2 })
        #expect(first == 1 && second == 2)
    }
}

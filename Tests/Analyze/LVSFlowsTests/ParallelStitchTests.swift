@testable import LVSFlows
import Testing

/// Stitching legs on two threads (`Correlator.stitch`) gives what one thread gives.
@Suite struct ParallelStitchTests {
    @Test("every lab scenario: the connections stitched on two threads equal those stitched on one")
    func sameConnections() throws {
        for scenario in try LabScenario.all() {
            let collection = try FlowCollector.collect(scenario.inputs())
            let points = collection.points.map(\.input.point)
            var one = Correlator(records: collection.records, points: points)
            one.parallelGroups = .max
            var two = Correlator(records: collection.records, points: points)
            two.parallelGroups = 2
            // Chunks of three groups: every scenario is split into several, taken by both threads.
            two.groupsPerChunk = 3
            let alone = one.correlate()
            let split = two.correlate()
            #expect(!alone.connections.isEmpty, "\(scenario)")
            #expect(split.connections == alone.connections, "\(scenario)")
            #expect(split.members.map { $0?.connection } == alone.members.map { $0?.connection }, "\(scenario)")
        }
    }
}

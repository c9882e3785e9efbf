import LVSCapture
@testable import LVSInference
@testable import LVSRules
import LVScope
import LVSTestSupport
import Testing

/// With many records, inference reads the roles and the stitched sightings on two threads,
/// and the rules split their facts and themselves over two: on every lab scenario, with
/// the threshold lowered to every input, the results must be those of one thread.
@Suite struct ParallelEvaluationTests {
    @Test("every lab scenario: inference and findings on two threads equal those on one")
    func sameResults() throws {
        for scenario in try ScenarioCatalog.all() {
            let inputs = scenario.captures.map { CaptureInput(point: $0.point, path: scenario.path(of: $0)) }
            let flows = try FlowAnalysis.run(inputs, verifyChecksums: true)
            let input = InferenceInput(flows: flows.collection, correlation: flows.correlation, deployment: nil)
            let one = ServiceInference.infer(input, parallelFrom: .max)
            let two = ServiceInference.infer(input, parallelFrom: 0)
            #expect(one == two, "\(scenario.scenario)")
            let context = AnalysisContext(flows: flows.collection, correlation: flows.correlation, inference: one,
                                          deployment: nil, profile: .default)
            let sequential = RuleCatalog.evaluate(context, rules: RuleCatalog.all, parallelFrom: .max)
            #expect(RuleCatalog.evaluate(context, rules: RuleCatalog.all, parallelFrom: 0) == sequential,
                    "\(scenario.scenario)")
            #expect(!one.roles.isEmpty)
        }
    }
}

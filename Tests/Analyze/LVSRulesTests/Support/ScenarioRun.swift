import Foundation
import LVSCapture
import LVSConfig
import LVSInference
import LVSRules
import LVScope
import LVSTestSupport

/// Runs the rules on a lab scenario's captures (all of them, or one view), with the
/// ground-truth inference and, optionally, the scenario's configuration file.
enum ScenarioRun {
    enum Config {
        case none
        case ipvsadm
        case keepalived
    }

    static func context(_ scenario: Scenario, points: [String]? = nil, config: Config = .none) throws
        -> AnalysisContext {
        let captures = scenario.captures.filter { points?.contains($0.point) ?? true }
        let inputs = captures.map { CaptureInput(point: $0.point, path: scenario.path(of: $0)) }
        let result = try FlowAnalysis.run(inputs, verifyChecksums: true)
        let deployment = try deployment(scenario, config)
        let inference = ServiceInference.infer(InferenceInput(flows: result.collection, correlation: result.correlation,
                                                              deployment: deployment))
        return AnalysisContext(flows: result.collection, correlation: result.correlation, inference: inference,
                               deployment: deployment, profile: .default)
    }

    static func findings(_ scenario: Scenario, points: [String]? = nil, config: Config = .none) throws -> [Finding] {
        RuleCatalog.evaluate(try context(scenario, points: points, config: config))
    }

    static func deployment(_ scenario: Scenario, _ config: Config) throws -> Deployment? {
        let suffix: String
        switch config {
        case .none: return nil
        case .ipvsadm: suffix = "ipvsadm"
        case .keepalived: suffix = "keepalived.conf"
        }
        let path = try FixturePaths.repositoryRoot().appendingPathComponent("Fixtures/config/\(scenario.scenario).\(suffix)")
        return try Deployment.load(path: path.path)
    }

    /// The capture points of the scenario's director host, and of each real server.
    static func directorPoints(_ scenario: Scenario) -> [String] {
        scenario.captures.filter { $0.role == "director" }.map(\.point)
    }

    static func realServerPoints(_ scenario: Scenario) -> [String] {
        scenario.captures.filter { $0.role == "real-server" }.map(\.point)
    }
}

import Foundation
import LVSCapture
import LVScope
import LVSInference
import LVSTestSupport

/// One way of looking at a lab scenario: which of its capture points are given, and
/// whether its configuration is.
struct ScenarioView: CustomStringConvertible, Sendable {
    enum Kind: String, Sendable {
        /// Every capture point together.
        case all
        /// The director's interface captures (eth0 and eth1; a DR director has eth0 only).
        case directorInterfaces
        /// The director's `tcpdump -i any` capture (SLL2).
        case directorAny
        /// The director's client-facing interface alone (NAT and FULL-NAT directors have
        /// a second one toward the real servers).
        case directorClientSide
        /// One real server's capture.
        case realServer
        /// One real server's capture and the configuration.
        case realServerWithConfig
        /// The client's capture.
        case client
    }

    var scenario: Scenario
    var kind: Kind
    var points: [String]
    var withConfig: Bool

    var description: String { "\(scenario.scenario) \(kind.rawValue) [\(points.joined(separator: ","))]" }

    var inputs: [CaptureInput] {
        scenario.captures.filter { points.contains($0.point) }
            .map { CaptureInput(point: $0.point, path: scenario.path(of: $0)) }
    }

    static func configPath(_ scenario: Scenario) throws -> String {
        try FixturePaths.repositoryRoot().appendingPathComponent("Fixtures/config/\(scenario.scenario).ipvsadm").path
    }

    func analyze() throws -> AnalysisResult {
        let config = withConfig ? try Self.configPath(scenario) : nil
        return try Analysis.run(inputs: inputs, options: AnalysisOptions(configPath: config))
    }

    /// Every view of a scenario the table covers.
    static func views(of scenario: Scenario) -> [ScenarioView] {
        let points = scenario.captures.map(\.point)
        var views = [ScenarioView(scenario: scenario, kind: .all, points: points, withConfig: false)]
        let interfaces = points.filter { $0.hasPrefix("director-eth") }
        views.append(ScenarioView(scenario: scenario, kind: .directorInterfaces, points: interfaces, withConfig: false))
        views.append(ScenarioView(scenario: scenario, kind: .directorAny, points: ["director-any"], withConfig: false))
        if interfaces.count > 1 {
            views.append(ScenarioView(scenario: scenario, kind: .directorClientSide, points: ["director-eth0"],
                                      withConfig: false))
        }
        for capture in scenario.captures where capture.role == "real-server" {
            views.append(ScenarioView(scenario: scenario, kind: .realServer, points: [capture.point],
                                      withConfig: false))
            views.append(ScenarioView(scenario: scenario, kind: .realServerWithConfig, points: [capture.point],
                                      withConfig: true))
        }
        views.append(ScenarioView(scenario: scenario, kind: .client, points: ["client"], withConfig: false))
        return views
    }
}

import Foundation
import LVScope
import LVSInference
import LVSTestSupport
import LVSWire
import Testing

/// Every lab scenario through every view of `ViewTable`: the mode of each service the
/// view can see, from scenario.json's ground truth.
@Suite struct ScenarioModeTests {
    static let scenarios: [String] = (try? ScenarioCatalog.names()) ?? []

    @Test("modes per view", arguments: scenarios)
    func modes(_ name: String) throws {
        let scenario = try ScenarioCatalog.load(name)
        for view in ScenarioView.views(of: scenario) {
            let result = try view.analyze()
            for service in Self.services(seenBy: view) {
                check(service, in: result.inference, view: view)
            }
            let expected = Set(Self.services(seenBy: view).map { "\($0.protocol) \($0.vip) \($0.port)" })
            for verdict in result.inference.services where verdict.mode != .unknown {
                let key = "\(verdict.service.protocolName) \(verdict.service.vip) \(verdict.service.port)"
                let placeholder = verdict.service.vip == .v4(IPv4Address(rawValue: 0))
                    || verdict.service.vip == .v6(IPv6Address(high: 0, low: 0))
                #expect(expected.contains(key) || placeholder, "\(view): unexpected \(verdict.service) \(verdict.mode)")
            }
        }
    }

    /// The scenario's services a view should say something about: all of them, or those a
    /// real server's capture serves.
    static func services(seenBy view: ScenarioView) -> [Scenario.Service] {
        guard view.kind == .realServer || view.kind == .realServerWithConfig else { return view.scenario.services }
        let hosts = Set(view.scenario.captures.filter { view.points.contains($0.point) }.map(\.host))
        return view.scenario.services.filter { $0.realServers.contains { hosts.contains($0.host) } }
    }

    func check(_ service: Scenario.Service, in inference: InferenceResult, view: ScenarioView) {
        let proto = service.protocol
        switch ViewTable.decision(view.kind, mode: service.mode, proto: proto) {
        case let .decides(minimum):
            let verdict = inference.services.first {
                $0.service.vip.description == service.vip && Int($0.service.port) == service.port
                    && $0.service.protocolName == proto
            }
            #expect(verdict?.mode.rawValue == service.mode, "\(view): \(service.vip):\(service.port) \(proto)")
            #expect((verdict?.confidence ?? 0) >= minimum, "\(view): confidence \(verdict?.confidence ?? 0)")
            #expect(verdict?.evidence.first?.packets.isEmpty == false, "\(view): evidence cites frames")
        case let .decidesWithoutVIP(minimum):
            let ports = Set(service.realServers.map(\.port))
            let verdict = inference.services.first {
                $0.service.protocolName == proto && ports.contains(Int($0.service.port))
                    && ($0.service.vip.description == "0.0.0.0" || $0.service.vip.description == "::")
            }
            #expect(verdict?.mode.rawValue == service.mode, "\(view): placeholder service for \(service.vip)")
            #expect((verdict?.confidence ?? 0) >= minimum, "\(view): confidence \(verdict?.confidence ?? 0)")
            #expect(verdict?.evidence.contains { $0.text.contains("VIP is not visible") } == true,
                    "\(view): says the VIP is not visible")
        case .unknown:
            let verdict = inference.services.first {
                $0.service.vip.description == service.vip && Int($0.service.port) == service.port
            }
            #expect(verdict?.mode == .unknown, "\(view): \(service.vip) should be unknown")
            #expect(verdict?.confidence == 0)
            #expect(verdict?.evidence.contains { $0.text.contains("to tell the mode") } == true,
                    "\(view): names the capture point that would decide")
        }
    }
}

import Foundation
import LVSCapture
import LVScope
import LVSInference
import LVSTestSupport
import LVSWire
import Testing

/// Evidence cites real frames, the configuration is compared with the wire, `--role`
/// overrides what the frames suggest, and the result does not depend on the run.
@Suite struct EvidenceTests {
    /// Every cited frame exists in its capture file with the cited time.
    @Test(arguments: [("nat-ok", ScenarioView.Kind.all), ("dr-ok", .directorInterfaces), ("nat-ok", .directorAny),
                      ("fullnat-ok", .realServerWithConfig), ("dr-arp-leak", .all), ("nat-ok", .client)])
    func citedFramesExist(_ name: String, _ kind: ScenarioView.Kind) throws {
        let scenario = try ScenarioCatalog.load(name)
        let view = try #require(ScenarioView.views(of: scenario).first { $0.kind == kind })
        let result = try view.analyze()
        let references = result.inference.services.flatMap { $0.evidence.flatMap(\.packets) }
        #expect(!references.isEmpty)
        var times: [String: [Int: Timestamp]] = [:]
        for input in view.inputs {
            let reader = try CaptureReader(path: input.path)
            var frames: [Int: Timestamp] = [:]
            while let packet = try reader.nextPacket() { frames[packet.record.frameNumber] = packet.record.timestamp }
            times[input.point] = frames
        }
        for reference in references {
            let point = String(reference.capture.prefix { $0 != "/" })
            #expect(times[point]?[reference.frame] == reference.time,
                    "\(name): \(reference.capture)#\(reference.frame)")
        }
    }

    @Test func configurationDisagreeingWithTheWire() throws {
        let scenario = try ScenarioCatalog.load("nat-ok")
        let directory = try TemporaryDirectory()
        let original = try String(contentsOfFile: ScenarioView.configPath(scenario), encoding: .utf8)
        let path = directory.path("dr.ipvsadm")
        try original.replacingOccurrences(of: " -m ", with: " -g ")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let inputs = scenario.captures.map { CaptureInput(point: $0.point, path: scenario.path(of: $0)) }
        let result = try Analysis.run(inputs: inputs, options: AnalysisOptions(configPath: path))
        let verdict = try #require(result.inference.services.first)
        #expect(verdict.mode == .nat)
        #expect(verdict.evidence.contains {
            $0.text.hasPrefix("configured as DR (\(path):") && $0.text.hasSuffix("but the wire shows NAT")
        })
    }

    @Test func configuredServiceWithoutTraffic() throws {
        let scenario = try ScenarioCatalog.load("nat-udp")
        let inputs = scenario.captures.map { CaptureInput(point: $0.point, path: scenario.path(of: $0)) }
        let config = try ScenarioView.configPath(try ScenarioCatalog.load("nat-rs-down"))
        let result = try Analysis.run(inputs: inputs, options: AnalysisOptions(configPath: config))
        let tcp = try #require(result.inference.services.first { $0.service.protocolName == "tcp" })
        #expect(tcp.mode == .unknown && tcp.connections == 0 && tcp.realServers.isEmpty)
        #expect(tcp.evidence.first?.text.hasPrefix("no traffic for this service in the captures") == true)
        let udp = try #require(result.inference.services.first { $0.service.protocolName == "udp" })
        #expect(udp.mode == .nat)
    }

    /// A client capture named like a real server: the name decides, `--role` overrides it.
    @Test func forcedRoleWins() throws {
        let scenario = try ScenarioCatalog.load("nat-ok")
        let path = scenario.path(of: try #require(scenario.captures.first { $0.point == "rs1" }))
        let named = try Analysis.run(inputs: [CaptureInput(point: "rs1", path: path)], options: AnalysisOptions())
        #expect(named.inference.roles.first?.role == .realServer)
        #expect(named.inference.services.first?.mode == .nat)
        let forced = try Analysis.run(inputs: [CaptureInput(point: "rs1", path: path)],
                                      options: AnalysisOptions(forcedRoles: ["rs1": .client]))
        let role = try #require(forced.inference.roles.first)
        #expect(role.role == .client && role.forced && role.reason == "given with --role")
        #expect(forced.inference.services.allSatisfy { $0.mode == .unknown })
    }

    @Test func unknownRolePointIsRejected() throws {
        let scenario = try ScenarioCatalog.load("nat-ok")
        let inputs = scenario.captures.map { CaptureInput(point: $0.point, path: scenario.path(of: $0)) }
        #expect(throws: LVScopeError.self) {
            try Analysis.run(inputs: inputs, options: AnalysisOptions(forcedRoles: ["rs9": .realServer]))
        }
    }

    @Test func sameInputsSameResult() throws {
        let scenario = try ScenarioCatalog.load("two-vips-mixed")
        let view = ScenarioView(scenario: scenario, kind: .all, points: scenario.captures.map(\.point),
                                withConfig: true)
        #expect(try view.analyze().inference == view.analyze().inference)
    }
}

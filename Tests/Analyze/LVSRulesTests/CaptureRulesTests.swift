import LVSCapture
import LVSInference
import LVSRules
import LVScope
import LVSTestSupport
import LVSWire
import Testing

/// Capture-quality notes: sequence gaps, captures without service traffic, unknown clock
/// offsets.
@Suite struct CaptureRulesTests {
    /// Two connections at the client, each missing 100 bytes of its response.
    @Test func sequenceGapsInTwoFlowsAreNoted() throws {
        let service = HandBuilt.service("198.51.100.10", 80, mode: .nat, servers: [("192.0.2.11", 80, Lab.rs1)])
        var frames: [[UInt8]] = []
        for port in ["40000", "40001"] {
            let client = "203.0.113.10:\(port)", vip = "198.51.100.10:80"
            frames += [
                PacketBuilder.tcp(client, vip, flags: [.syn], sequence: 1000).frame(Lab.client, Lab.directorClientMAC),
                PacketBuilder.tcp(vip, client, flags: [.syn, .ack], sequence: 5000, acknowledgement: 1001)
                    .frame(Lab.directorClientMAC, Lab.client),
                PacketBuilder.tcp(vip, client, flags: [.ack], sequence: 5001, acknowledgement: 1001,
                                  payload: [UInt8](repeating: 1, count: 100)).frame(Lab.directorClientMAC, Lab.client),
                // 5101 ..< 5201 never captured.
                PacketBuilder.tcp(vip, client, flags: [.ack], sequence: 5201, acknowledgement: 1001,
                                  payload: [UInt8](repeating: 1, count: 100)).frame(Lab.directorClientMAC, Lab.client),
            ]
        }
        let findings = try HandBuilt.findings([HandBuilt.Point("client", .client, frames)], services: [service])
        #expect(findings.map(\.rule) == ["capture-sequence-gaps"])
        #expect(findings.first?.subject == "client")
        #expect(findings.first?.severity == .notice)
    }

    /// nat-ok's captures read against two-vips-mixed's DR service only: no capture holds
    /// traffic of 198.51.100.20.
    @Test func capturesWithoutTheServiceAreNoted() throws {
        let scenario = try ScenarioCatalog.load("nat-ok")
        var context = try ScenarioRun.context(scenario, points: ["client", "rs1"])
        let other = try ScenarioCatalog.load("two-vips-mixed")
        context.inference = InferenceResult(
            services: GroundTruth.inference(other, points: []).services.filter { $0.service.port == 80 && $0.mode == .dr },
            roles: context.inference.roles)
        let findings = RuleCatalog.evaluate(context).filter { $0.rule == "capture-without-service-traffic" }
        #expect(findings.map(\.subject) == ["client", "rs1"])
    }

    /// A lab capture and a synthetic one share no packet.
    @Test func unrelatedCapturesHaveNoClockOffset() throws {
        let lab = try ScenarioCatalog.load("nat-ok")
        let inputs = [CaptureInput(point: "client", path: lab.path(of: lab.captures[0])),
                      CaptureInput(point: "synthetic", path: try FixturePaths.corpusFile("lvscope-fixtures/lvs-nat.pcap"))]
        let result = try FlowAnalysis.run(inputs)
        let context = AnalysisContext(flows: result.collection, correlation: result.correlation,
                                      inference: GroundTruth.inference(lab, points: ["client"]), deployment: nil,
                                      profile: .default)
        let findings = ClockOffsetUnknownProbe.findings(context)
        #expect(findings.count == 1)
        #expect(["client", "synthetic"].contains(findings.first?.subject ?? ""))
    }
}

/// Runs only the clock rule (the synthetic capture also lacks the lab's services).
enum ClockOffsetUnknownProbe {
    static func findings(_ context: AnalysisContext) -> [Finding] {
        RuleCatalog.evaluate(context).filter { $0.rule == "clock-offset-unknown" }
    }
}

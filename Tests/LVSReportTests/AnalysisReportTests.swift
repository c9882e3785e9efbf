import Foundation
import LVSCapture
import LVSInference
import LVScope
import LVSReport
import LVSRules
import LVSTestSupport
import LVSWire
import Testing

/// The analysis report: the JSON document validates against
/// `Reports/schema/analysis.v1.schema.json` (python3's jsonschema, as CI installs it) and
/// is byte-identical across runs; the capture inventory matches the files; the text report
/// fits 100 columns.
@Suite struct AnalysisReportTests {
    /// Several kinds of analysis: all points with a configuration, IPv6, two services, a
    /// real server alone (placeholder VIP), a client-side capture (unknown), TUN.
    static func results() throws -> [(String, AnalysisResult)] {
        func lab(_ name: String, _ points: [String]? = nil, config: Bool = false) throws -> AnalysisResult {
            let scenario = try ScenarioCatalog.load(name)
            let inputs = scenario.captures.filter { points?.contains($0.point) ?? true }
                .map { CaptureInput(point: $0.point, path: scenario.path(of: $0)) }
            let path = try FixturePaths.repositoryRoot().appendingPathComponent("Fixtures/config/\(name).ipvsadm").path
            return try Analysis.run(inputs: inputs, options: AnalysisOptions(configPath: config ? path : nil))
        }
        func corpus(_ file: String) throws -> AnalysisResult {
            try Analysis.run(inputs: [CaptureInput(path: FixturePaths.corpusFile("lvscope-fixtures/\(file)"))],
                             options: AnalysisOptions())
        }
        return [
            ("nat-wrong-gateway", try lab("nat-wrong-gateway", config: true)),
            ("dr-arp-leak", try lab("dr-arp-leak")),
            ("fullnat-ok-v6", try lab("fullnat-ok-v6", config: true)),
            ("two-vips-mixed", try lab("two-vips-mixed", ["director-any"])),
            ("nat-ok rs1", try lab("nat-ok", ["rs1"])),
            ("lvs-vip", try corpus("lvs-vip.pcap")),
            ("lvs-tun", try corpus("lvs-tun.pcap")),
        ]
    }

    static func documents() throws -> [(String, String)] {
        try results().map { ($0.0, $0.1.report().rendered(.json)) }
    }

    /// A finding built by hand: the rule catalogue is filled elsewhere, the document's
    /// finding shape is this report's.
    static func withFinding() throws -> String {
        let result = try #require(try results().first).1
        let reference = try #require(result.inference.services.first?.evidence.first?.packets.first)
        let finding = Finding(rule: "rs-gateway-not-director", category: .wrongGateway, severity: .error,
                              service: result.inference.services.first?.service, subject: "192.0.2.12",
                              message: "rs2 answers clients through another gateway", remediation: "ip route replace "
                                + "default via 192.0.2.1", evidence: [reference])
        return AnalysisReport(flows: result.flows, correlation: result.correlation, inference: result.inference,
                              findings: [finding], deployment: result.deployment, generator: LVScopeVersion.generator)
            .rendered(.json)
    }

    @Test func jsonValidatesAgainstTheSchema() throws {
        for (name, document) in try Self.documents() + [("with a finding", Self.withFinding())] {
            let problems = try JSONSchemaCheck.problems(in: document, schema: "analysis.v1.schema.json")
            #expect(problems == nil, "\(name): \(problems ?? "")")
        }
    }

    @Test func jsonIsByteIdenticalAcrossRuns() throws {
        let first = try Self.documents()
        let second = try Self.documents()
        #expect(first.map(\.1) == second.map(\.1))
        let nat = try #require(first.first?.1)
        for key in ["\"schema\": \"lvscope.analysis.v1\"", "\"generator\": \"lvscope 0.1.0\"", "\"mode\": \"nat\"",
                    "\"confidence\": 0.98", "\"vip\": \"198.51.100.10\"", "\"point\": \"router2-eth0\"",
                    "\"role\": \"router\""] {
            #expect(nat.contains(key), "\(key)")
        }
    }

    /// Packets and bytes per capture are the file's: a pcap file is a 24-byte header and
    /// a 16-byte header per record before its captured bytes.
    @Test func captureInventory() throws {
        let (_, result) = try #require(try Self.results().first)
        for point in result.flows.points {
            let size = try FileManager.default.attributesOfItem(atPath: point.input.path)[.size] as? Int ?? 0
            #expect(point.bytes == size - 24 - 16 * point.packets, "\(point.input.point)")
            #expect(point.packets == point.statistics.packets)
        }
        let offsets = result.correlation.clockOffsets.compactMap(\.seconds)
        #expect(offsets.contains(0) && offsets.allSatisfy { abs($0) < 0.01 }, "one kernel's clock: offsets are tiny")
    }

    @Test func textFitsHundredColumns() throws {
        for (name, result) in try Self.results() {
            let text = result.report().rendered(.text)
            for line in text.split(separator: "\n") where !line.contains("file: ") {
                #expect(line.count <= 100, "\(name): \(line)")
            }
            #expect(text.hasPrefix("lvscope analysis: "))
            #expect(text.contains("\nServices\n") && text.contains("\nFindings\n") && text.contains("\nCaptures\n"))
        }
        let text = try #require(try Self.results().first).1.report().rendered(.text)
        #expect(text.contains("verdict: tcp 198.51.100.10:80 NAT (0.98); 1 error, 0 warnings, 1 notice"))
        #expect(text.contains("  error nat-reply-bypasses-director [wrong-gateway] 192.0.2.12 (tcp 198.51.100.10:80)"))
        #expect(text.contains("    fix: On 192.0.2.12: `ip route replace default via 192.0.2.1`"))
        #expect(text.contains("    real servers    192.0.2.11:80             02:00:00:00:03:01  10 connections"))
    }
}

import Foundation
import LVSCapture
import LVScope
import LVSInference
import LVSTestSupport
import LVSWire
import Testing

/// The synthetic director views of the shared corpus (tools/gen_synthetic.py): one capture
/// of the director's interfaces, in every link-layer dress, decides the mode of both
/// services (192.0.2.10:80 and :443); the client-side capture alone cannot.
@Suite struct CorpusModeTests {
    struct Case: CustomStringConvertible, Sendable {
        var file: String
        var mode: InferredMode
        var description: String { file }
    }

    static let directorViews: [Case] = [
        Case(file: "lvs-nat.pcap", mode: .nat), Case(file: "lvs-dr.pcap", mode: .dr),
        Case(file: "lvs-tun.pcap", mode: .tun), Case(file: "lvs-fullnat.pcap", mode: .fullnat),
        Case(file: "lvs-nat-sll.pcap", mode: .nat), Case(file: "lvs-nat-sll2.pcap", mode: .nat),
        Case(file: "lvs-nat-vlan.pcap", mode: .nat), Case(file: "lvs-nat-qinq.pcap", mode: .nat),
        Case(file: "lvs-nat-rawip.pcap", mode: .nat), Case(file: "lvs-nat-nsec.pcap", mode: .nat),
        Case(file: "lvs-nat-bigendian.pcap", mode: .nat), Case(file: "lvs-mixed-eth-sll2.pcapng", mode: .nat),
    ]

    static func analyze(_ file: String) throws -> AnalysisResult {
        try Analysis.run(inputs: [CaptureInput(path: FixturePaths.corpusFile("lvscope-fixtures/\(file)"))],
                         options: AnalysisOptions())
    }

    @Test("the director's view decides", arguments: directorViews)
    func directorView(_ test: Case) throws {
        let result = try Self.analyze(test.file)
        let point = try #require(result.inference.roles.first)
        #expect(point.role == .director, "\(test.file): \(point.reason)")
        let rewritten = test.mode == .nat || test.mode == .fullnat
        for (vport, rport) in [(80, 8080), (443, 8443)] as [(UInt16, UInt16)] {
            let verdict = try #require(result.inference.services.first {
                $0.service.vip.description == "192.0.2.10" && $0.service.port == vport
                    && $0.service.protocolName == "tcp"
            }, "\(test.file): service on port \(vport)")
            #expect(verdict.mode == test.mode)
            #expect(verdict.confidence >= 0.95, "\(test.file) \(vport): \(verdict.confidence)")
            let servers = verdict.realServers.map { $0.address.withPort($0.port) }
            let expected = (11...14).map { "198.51.100.\($0):\(rewritten ? rport : vport)" }
            #expect(servers == expected, "\(test.file): \(servers)")
            if test.mode == .fullnat {
                #expect(verdict.localAddresses.map(\.description) == (200...203).map { "198.51.100.\($0)" })
                #expect(verdict.evidence.first?.text.contains("TOA kind 254") == true)
            } else {
                #expect(verdict.localAddresses.isEmpty)
            }
            if test.mode == .tun { #expect(verdict.evidence.first?.text.contains("ipip 198.51.100.1 >") == true) }
        }
        #expect(!result.inference.services.contains { $0.service.protocolName == "icmp" }, "pings are not services")
    }

    /// With snaplen 96 the payload digests are gone and this director rewrites IP IDs, so
    /// content cannot tie the legs: the client's address and port reaching the VIP and,
    /// right after, a real server from the director's other MAC still show NAT.
    @Test func truncatedCaptureDecidesByPairing() throws {
        let result = try Self.analyze("lvs-nat-snap96.pcap")
        #expect(result.correlation.connections.isEmpty, "no content to stitch by")
        for port in [80, 443] as [UInt16] {
            let verdict = try #require(result.inference.services.first { $0.service.port == port })
            #expect(verdict.mode == .nat && verdict.confidence == 0.75)
            #expect(verdict.realServers.count == 4)
            #expect(verdict.evidence.first?.text.contains("paired by address, port and time") == true)
        }
    }

    @Test func clientSideAloneIsUnknown() throws {
        let result = try Self.analyze("lvs-vip.pcap")
        #expect(result.inference.roles.first?.role == .client)
        #expect(!result.inference.services.isEmpty)
        for verdict in result.inference.services {
            #expect(verdict.mode == .unknown, "\(verdict.service)")
            #expect(verdict.confidence == 0)
            #expect(verdict.realServers.isEmpty)
            #expect(verdict.evidence.first?.text.contains("capture on the director (the host holding 192.0.2") == true)
        }
    }
}

import Foundation
import LVSRules
import LVSTestSupport
import Testing

/// The shared corpus's synthetic director captures are healthy (a few refused or
/// unanswered connections spread over all servers, as real traffic has): no error or
/// warning, only the notes their capture artifacts call for.
@Suite struct CorpusRulesTests {
    static let files = (try? FixturePaths.corpusFiles(in: "lvscope-fixtures", extensions: ["pcap", "pcapng"])
        .map { URL(fileURLWithPath: $0).lastPathComponent }) ?? []

    /// The notes each file's artifacts call for (the VLAN file alternates tags per
    /// frame, splitting every connection over two VLANs: gaps, and unanswered SYNs that
    /// are not retransmitted within a VLAN, so not counted).
    static let notes: [String: [String]] = [
        "lvs-nat-snap96.pcap": ["capture-snaplen-truncated"],
        "lvs-nat-cut-tail.pcap": ["capture-cut-short"],
        "lvs-nat-vlan.pcap": ["capture-sequence-gaps"],
    ]

    @Test(arguments: files)
    func healthy(_ file: String) throws {
        let findings = RuleCatalog.evaluate(try SyntheticCorpus.context(file))
        #expect(findings.filter { $0.severity >= .warning }.isEmpty,
                "\(file): \(findings.map { "\($0.rule) \($0.subject)" })")
        #expect(findings.map(\.rule) == (Self.notes[file] ?? []))
    }

    /// lvs-fullnat.pcap carries TOA (kind 254) on each backend handshake ACK.
    @Test func fullNATWithTOAHasNoTOAFinding() throws {
        let context = try SyntheticCorpus.context("lvs-fullnat.pcap")
        let withTOA = context.flows.records.filter { $0.toa?.placements.contains(.handshakeACK) ?? false }
        #expect(withTOA.count > 10)
        #expect(RuleCatalog.evaluate(context).filter { $0.category == .toa }.isEmpty)
    }
}

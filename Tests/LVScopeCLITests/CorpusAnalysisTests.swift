import Foundation
import LVSCapture
import LVScope
import LVSTestSupport
import Testing

/// `lvscope analyze` on every capture of the shared corpus (the tcpdump project's test
/// captures, many of them fuzzer-found crash reproducers, and the LVS format variants):
/// the whole pipeline — flows, correlation, inference, rules, both reports — either
/// succeeds or reports one `LVScopeError`; it never traps. Every JSON report validates
/// against `analysis.v1`.
@Suite struct CorpusAnalysisTests {
    static func files() throws -> [String] {
        try FixturePaths.corpusFiles(in: "tcpdump-tests", extensions: ["pcap", "pcapng"])
            + FixturePaths.corpusFiles(in: "lvscope-fixtures", extensions: ["pcap", "pcapng"])
    }

    @Test func everyCorpusCaptureAnalyzesOrFailsCleanly() throws {
        let files = try Self.files()
        try #require(files.count > 800, "the shared corpus has 845 captures")
        var documents: [(file: String, json: String)] = []
        var refused: [String] = []
        for file in files {
            let input = CaptureInput(point: "capture", path: file)
            do {
                let result = try Analysis.run(inputs: [input], options: AnalysisOptions())
                let report = result.report()
                #expect(report.rendered(.text).hasPrefix("lvscope analysis: 1 capture, "), "\(file)")
                documents.append((file, report.rendered(.json)))
            } catch let error as LVScopeError {
                // The only refusal: link types lvscope does not decode (the corpus holds
                // captures of USB, Bluetooth, 802.11, PPP... as tcpdump's tests need).
                #expect(error.description.hasPrefix("unsupported link type "), "\(file): \(error)")
                refused.append(file)
            }
        }
        #expect(documents.count >= 560, "analysed \(documents.count), refused \(refused.count)")
        let complaints = try JSONSchemaCheck.problems(in: documents.map(\.json), schema: "analysis.v1.schema.json")
        for (document, complaint) in zip(documents, complaints) {
            #expect(complaint == nil, "\(document.file): \(complaint ?? "")")
        }
    }
}

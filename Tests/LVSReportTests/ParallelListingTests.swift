import Foundation
import LVSCapture
import LVScope
@testable import LVSReport
import LVSTestSupport
import Testing

/// The TSV flow listing formats runs of lines on two threads: the file must be the one a
/// single thread writes, whatever the run length.
@Suite struct ParallelListingTests {
    private func listing(_ scenario: String, runLength: Int) throws -> String {
        let result = try FlowAnalysis.run(try FlowListingTests.inputs(scenario))
        let temporary = try TemporaryDirectory()
        let sink = try OutputSink(path: temporary.path("flows.tsv"))
        var listing = FlowListing(format: .tsv, sink: sink)
        listing.runLength = runLength
        try listing.write(records: result.collection.records, correlation: result.correlation)
        try sink.flush()
        return try String(contentsOfFile: temporary.path("flows.tsv"), encoding: .utf8)
    }

    @Test("runs of 1, 3 and 7 lines on two threads give the single thread's file",
          arguments: ["nat-ok", "dr-ok", "fullnat-ok-v6", "two-vips-mixed"])
    func sameFile(_ scenario: String) throws {
        let single = try listing(scenario, runLength: .max / 4)
        #expect(single.split(separator: "\n").count > 20)
        for runLength in [1, 3, 7] {
            #expect(try listing(scenario, runLength: runLength) == single, "\(scenario), runs of \(runLength)")
        }
    }
}

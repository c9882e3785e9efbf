import ArgumentParser
import LVSCapture
import LVScope
import LVSReport

/// `lvscope flows`: Zeek conn.log-style flow records of one or more captures, correlated.
struct FlowsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flows",
        abstract: "List the flows of captures (Zeek conn.log style), stitched across capture points.",
        discussion: """
            Several captures are read together in time order; NAME=PATH names a capture point. \
            A pcapng file with several interfaces, or a Linux `-i any` capture (SLL2), gives one \
            sub-point per interface (NAME/IFACE). Flows end after IPVS's idle timeouts.
            tsv: Zeek-style header (#fields, #types), then the columns \
            \(FlowFields.columns.joined(separator: " ")) ('-' when unset); then \
            '#clock_offset POINT SECONDS PAIRS VIA' lines: each point's clock minus the reference \
            point's, from the packets seen at both.
            json: one object per line with the same keys, then {"clockReference", "clockOffsets"}.
            Columns: orig/resp as in Zeek (the first SYN's sender is orig); *_bytes count payload \
            without retransmissions; retrans counts retransmitted segments; fwd_copies counts \
            packets seen again on another link leg (a forwarded copy is not a retransmission); \
            mss is orig/resp; toa is kind:address:port@placements; connection is the stitched \
            LVS connection the flow is a leg of; rewrites names the fields the director changed \
            on that leg (srcIP dstIP srcPort dstPort srcMAC dstMAC ttl encapsulated seq).
            """
    )

    @Option(help: "Output format: tsv or json.")
    var format: FlowListingFormat = .tsv

    @Option(name: .shortAndLong, help: "Write to FILE instead of standard output.")
    var output: String?

    @Flag(name: .customLong("verify-checksums"), help: "Verify checksums (counts bad and offloaded ones per flow).")
    var verifyChecksums = false

    @Flag(name: .customLong("table-stats"), help: .hidden)
    var tableStats = false

    @Argument(help: "The captures: PATH or NAME=PATH.", transform: parseCapture)
    var captures: [CaptureInput]

    func run() throws {
        try OutputTargets.check([("--output", output)], inputs: captures.map(\.path), standardOutput: "--output")
        let result = try TerminalProgress().during { progress in
            try FlowAnalysis.run(captures, verifyChecksums: verifyChecksums, progress: progress)
        }
        let sink = try OutputSink.staged(output)
        try FlowListing(format: format, sink: sink).write(records: result.collection.records,
                                                          correlation: result.correlation)
        try sink.commit()
        for point in result.collection.points where point.truncatedTail {
            warn("capture file ends inside its last record (\(point.input.path))")
        }
        if tableStats { reportTableStatistics(result) }
        ProcessLifetime.keep(result)
    }

    /// Memory accounting for the benchmark: the flow table's bytes per live flow at its peak.
    private func reportTableStatistics(_ result: FlowAnalysisResult) {
        for point in result.collection.points {
            let s = point.statistics
            writeStandardError("table-stats point=\(point.input.point) packets=\(s.packets) flows=\(s.flowsCreated) "
                + "peak-live=\(s.peakLiveFlows) bytes-at-peak=\(s.bytesAtPeak) entry-bytes=\(s.entryBytes) "
                + "bytes-per-live-flow=\(Int(s.bytesPerLiveFlowAtPeak.rounded())) sweeps=\(s.sweeps)")
        }
    }
}

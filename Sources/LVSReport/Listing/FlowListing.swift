import LVSFlows

/// Writes `lvscope flows`: the header (TSV), one line per flow record in first-seen
/// order, then the clock offsets: `#clock_offset` trailer lines (TSV) or a final object
/// with `"clockOffsets"` (JSON).
public struct FlowListing {
    public let format: FlowListingFormat
    public let sink: OutputSink
    /// TSV lines per run formatted on one thread (two runs at a time, a few megabytes of
    /// text held); with fewer than two runs of records, one thread writes them all.
    var runLength = 8192

    public init(format: FlowListingFormat, sink: OutputSink) {
        self.format = format
        self.sink = sink
    }

    /// `records` are the records `correlation` was computed over (`FlowCollection.records`).
    public func write(records: [FlowRecord], correlation: CorrelationResult) throws(OutputError) {
        if format == .tsv {
            for line in FlowFields.tsvHeader() { try sink.writeLine(line) }
        }
        if format == .tsv, records.count >= 2 * runLength {
            try writeTSVInParallel(records, correlation)
        } else {
            try writeSerially(records, correlation)
        }
        try writeOffsets(correlation)
    }

    private func writeSerially(_ records: [FlowRecord], _ correlation: CorrelationResult) throws(OutputError) {
        // Each (large) record is read in place through a pointer, not copied per line.
        try records.withUnsafeBufferPointer { (records) throws(OutputError) in
            guard let first = records.baseAddress else { return }
            for i in records.indices {
                if format == .tsv {
                    try sink.writeLine { Self.appendTSV(first, i, correlation, to: &$0) }
                } else {
                    let (connection, rewrites) = Self.member(records[i].uid, i, correlation)
                    try sink.writeLine(FlowFields.json(FlowFields.values(records[i], connection: connection,
                                                                        rewrites: rewrites)))
                }
            }
        }
    }

    /// TSV lines in runs, two runs at a time: one formatted on this thread, the next on
    /// another, then both written in order.
    private func writeTSVInParallel(_ records: [FlowRecord], _ correlation: CorrelationResult)
        throws(OutputError) {
        var lower = 0
        while lower < records.count {
            let first = lower..<min(lower + runLength, records.count)
            let second = first.upperBound..<min(first.upperBound + runLength, records.count)
            let (a, b) = inParallel({ Self.lines(records, first, correlation) },
                                    { Self.lines(records, second, correlation) })
            try sink.write(a)
            try sink.write(b)
            lower = second.upperBound
        }
    }

    private static func lines(_ records: [FlowRecord], _ range: Range<Int>,
                              _ correlation: CorrelationResult) -> LineBuffer {
        let buffer = LineBuffer(capacity: range.count * 384)
        records.withUnsafeBufferPointer { records in
            guard let first = records.baseAddress else { return }
            for i in range {
                buffer.writeLine { appendTSV(first, i, correlation, to: &$0) }
            }
        }
        return buffer
    }

    private static func appendTSV(_ first: UnsafePointer<FlowRecord>, _ i: Int, _ correlation: CorrelationResult,
                                  to line: inout LineBytes) {
        let (connection, rewrites) = member(first[i].uid, i, correlation)
        FlowFields.appendTSV(first + i, connection: connection, rewrites: rewrites, to: &line)
    }

    /// The record's connection id and rewrites (by record index when the correlation saw the
    /// record there, else by uid).
    private static func member(_ uid: FlowUID, _ i: Int, _ correlation: CorrelationResult) -> (String?, Rewrite?) {
        let member = correlation.member(at: i, uid: uid)
        return (member.map { correlation.connections[$0.connection].id }, member?.rewrites)
    }

    /// One line per point: name, seconds (`-` when no packet links it to the reference),
    /// matched pairs, and the point it was chained through.
    private func writeOffsets(_ correlation: CorrelationResult) throws(OutputError) {
        if format == .tsv {
            // Point names are escaped as in the rows: a tab or newline would break the line.
            try sink.writeLine("#clock_reference\t" + PacketFields.tsvEscape(correlation.referencePoint))
            for offset in correlation.clockOffsets {
                try sink.writeLine(["#clock_offset", PacketFields.tsvEscape(offset.point),
                                    offset.nanoseconds.map(FlowFields.seconds) ?? "-", String(offset.pairs),
                                    offset.via.map(PacketFields.tsvEscape) ?? "-"].joined(separator: "\t"))
            }
            return
        }
        let offsets = correlation.clockOffsets.map { offset in
            JSONValue.object([
                ("point", .string(offset.point)), ("seconds", offset.seconds.map(JSONValue.double) ?? .null),
                ("pairs", .int(offset.pairs)), ("via", .optional(offset.via)),
            ])
        }
        try sink.writeLine(JSONValue.object([("clockReference", .string(correlation.referencePoint)),
                                             ("clockOffsets", .array(offsets))]).rendered())
    }
}

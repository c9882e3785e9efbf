import LVSFlows

/// Writes `lvscope flows`: the header (TSV), one line per flow record in first-seen
/// order, then the clock offsets: `#clock_offset` trailer lines (TSV) or a final object
/// with `"clockOffsets"` (JSON).
public struct FlowListing {
    public let format: FlowListingFormat
    public let sink: OutputSink

    public init(format: FlowListingFormat, sink: OutputSink) {
        self.format = format
        self.sink = sink
    }

    /// `records` are the records `correlation` was computed over (`FlowCollection.records`).
    public func write(records: [FlowRecord], correlation: CorrelationResult) throws(OutputError) {
        if format == .tsv {
            for line in FlowFields.tsvHeader() { try sink.writeLine(line) }
        }
        // Each (large) record is read in place through a pointer, not copied per line.
        try records.withUnsafeBufferPointer { (records) throws(OutputError) in
            guard let first = records.baseAddress else { return }
            // By record index when the correlation covers these very records (a hashed uid
            // lookup per line otherwise).
            let indexed = correlation.members.count == records.count
            for i in records.indices {
                let member = indexed ? correlation.members[i] : correlation.membership[records[i].uid]
                let connection = member.map { correlation.connections[$0.connection].id }
                if format == .tsv {
                    try sink.writeLine { FlowFields.appendTSV(first + i, connection: connection,
                                                              rewrites: member?.rewrites, to: &$0) }
                } else {
                    try sink.writeLine(FlowFields.json(FlowFields.values(records[i], connection: connection,
                                                                        rewrites: member?.rewrites)))
                }
            }
        }
        try writeOffsets(correlation)
    }

    /// One line per point: name, seconds (`-` when no packet links it to the reference),
    /// matched pairs, and the point it was chained through.
    private func writeOffsets(_ correlation: CorrelationResult) throws(OutputError) {
        if format == .tsv {
            try sink.writeLine("#clock_reference\t" + correlation.referencePoint)
            for offset in correlation.clockOffsets {
                try sink.writeLine(["#clock_offset", offset.point, offset.nanoseconds.map(FlowFields.seconds) ?? "-",
                                    String(offset.pairs), offset.via ?? "-"].joined(separator: "\t"))
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

import LVSCapture
import LVSDecode
import LVSWire

/// Reads several captures in time order (`CaptureMerge`), decodes every packet once and
/// feeds each point's `FlowTracker`; the records of all points come back sorted.
/// Reading and decoding run on a second thread unless `threaded` is false (`ReadAhead`);
/// the result is the same either way.
public enum FlowCollector {
    /// `progress`, when given, hears how far reading has got on long runs (see
    /// `ReadProgressReporter`), from the reading thread.
    public static func collect(_ inputs: [CaptureInput], configuration: FlowConfiguration = FlowConfiguration(),
                               decoder options: PacketDecoder.Options = PacketDecoder.Options(),
                               threaded: Bool = true, progress: ReadProgressHandler? = nil)
        throws(CaptureError) -> FlowCollection {
        try collect(inputs, configuration: configuration, decoder: options,
                    reading: ReadAhead.Shape(threaded: threaded), progress: progress)
    }

    static func collect(_ inputs: [CaptureInput], configuration: FlowConfiguration,
                        decoder options: PacketDecoder.Options, reading shape: ReadAhead.Shape,
                        progress: ReadProgressHandler? = nil)
        throws(CaptureError) -> FlowCollection {
        let merge = try CaptureMerge(paths: inputs.map(\.path))
        var records: [FlowRecord] = []
        let trackers = inputs.indices.map { i in
            FlowTracker(point: inputs[i].point, input: i, interfaces: merge.readers[i].info.interfaces,
                        configuration: configuration) { records.append($0) }
        }
        var starts = [Timestamp?](repeating: nil, count: inputs.count)
        var ends = [Timestamp?](repeating: nil, count: inputs.count)
        var counts = [(packets: Int, bytes: Int)](repeating: (0, 0), count: inputs.count)
        let readAhead = ReadAhead(merge: merge, decoder: PacketDecoder(options: options), shape: shape,
                                  progress: progress)
        var packets = 0
        var failure: CaptureError?
        // Borrowed for the loop: an array element's method call retains and releases the
        // tracker per packet (atomic, 1.5 million times on the benchmark file).
        let borrowed = trackers.map { Unmanaged.passUnretained($0) }
        while true {
            let batch = readAhead.next()
            for (input, interfaces) in batch.interfaces { trackers[input].learn(interfaces: interfaces) }
            for i in 0..<batch.count {
                let input = batch.inputs[i]
                let record = batch.records[i]
                if starts[input] == nil { starts[input] = record.timestamp }
                ends[input] = record.timestamp
                counts[input].packets += 1
                counts[input].bytes += record.capturedLength
                borrowed[input]._withUnsafeGuaranteedRef {
                    $0.process(record, UnsafePointer(batch.packets + i), digest: batch.digests[i])
                }
            }
            packets += batch.count
            let end = batch.end
            readAhead.recycle(batch)
            guard let end else { continue }
            if case let .failed(error) = end { failure = error }
            break
        }
        readAhead.finish()
        withExtendedLifetime(trackers) {}
        if let failure { throw failure }
        let sorted = RecordAssembly.assemble(emitted: records, trackers: trackers)
        records = []  // copied into `sorted`
        let points = inputs.indices.map { i in
            FlowCollection.Point(input: inputs[i], info: merge.readers[i].info, statistics: trackers[i].statistics,
                                 truncatedTail: merge.readers[i].truncatedTail, start: starts[i], end: ends[i],
                                 packets: counts[i].packets, bytes: counts[i].bytes)
        }
        return FlowCollection(points: points, records: sorted,
                              claims: AddressClaims.merging(trackers.map(\.addressClaims)), packets: packets)
    }
}

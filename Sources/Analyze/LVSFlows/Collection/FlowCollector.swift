import LVSCapture
import LVSDecode
import LVSWire

/// Reads several captures in time order (`CaptureMerge`), decodes every packet once and
/// feeds each point's `FlowTracker`; the records of all points come back sorted.
public enum FlowCollector {
    public static func collect(_ inputs: [CaptureInput], configuration: FlowConfiguration = FlowConfiguration(),
                               decoder options: PacketDecoder.Options = PacketDecoder.Options())
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
        let decoder = PacketDecoder(options: options)
        // Decoded in place and handed to the trackers by address: a local variable would
        // be copied (700 bytes) into a temporary for every call.
        let packet = UnsafeMutablePointer<DecodedPacket>.allocate(capacity: 1)
        packet.initialize(to: DecodedPacket())
        defer { packet.deinitialize(count: 1).deallocate() }
        var packets = 0
        while let (input, borrowed) = try merge.nextPacket() {
            packets += 1
            let record = borrowed.record
            if starts[input] == nil { starts[input] = record.timestamp }
            ends[input] = record.timestamp
            counts[input].packets += 1
            counts[input].bytes += record.capturedLength
            decoder.decode(borrowed.bytes, linkType: record.linkType, originalLength: record.originalLength,
                           into: &packet.pointee)
            trackers[input].process(record, UnsafePointer(packet), borrowed.bytes)
        }
        records.reserveCapacity(records.count + trackers.reduce(0) { $0 + $1.statistics.liveFlows })
        for tracker in trackers { tracker.finish() }
        FlowCollection.sort(&records)
        let points = inputs.indices.map { i in
            FlowCollection.Point(input: inputs[i], info: merge.readers[i].info, statistics: trackers[i].statistics,
                                 truncatedTail: merge.readers[i].truncatedTail, start: starts[i], end: ends[i],
                                 packets: counts[i].packets, bytes: counts[i].bytes)
        }
        return FlowCollection(points: points, records: records,
                              claims: AddressClaims.merging(trackers.map(\.addressClaims)), packets: packets)
    }
}

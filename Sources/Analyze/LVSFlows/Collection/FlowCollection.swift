import LVSCapture
import LVSWire

/// The flows and address claims of several capture points read together.
public struct FlowCollection: Sendable {
    /// One capture input: its file, what the reader saw, the tracker's counters and the
    /// capture time it spans.
    public struct Point: Sendable {
        public var input: CaptureInput
        public var info: CaptureFileInfo
        public var statistics: FlowTableStatistics
        public var truncatedTail: Bool
        /// Capture time of the point's first and last packet.
        public var start: Timestamp?
        public var end: Timestamp?
        /// Packets read from the file, and their captured bytes (capinfos' "data size").
        public var packets = 0
        public var bytes = 0
    }

    public var points: [Point]
    /// Every flow of every point, ordered by first-seen time, then uid (its 64-bit value).
    public var records: [FlowRecord]
    public var claims: AddressClaims
    public var packets: Int

    /// The order records are listed in: first packet's time, then uid.
    public static func order(_ a: FlowRecord, _ b: FlowRecord) -> Bool {
        (a.firstTime.rawValue, a.uid.rawValue) < (b.firstTime.rawValue, b.uid.rawValue)
    }

    /// Puts `records` in `order` in place: the permutation is computed on keys, then
    /// applied cycle by cycle, moving each (760-byte) record once without a second array
    /// of them (which would double the records' peak memory).
    static func sort(_ records: inout [FlowRecord]) {
        let keys = records.map { ($0.firstTime.rawValue, $0.uid.rawValue) }
        let order = records.indices.sorted { keys[$0] < keys[$1] }
        var placed = [Bool](repeating: false, count: order.count)
        records.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in order.indices where !placed[start] && order[start] != start {
                // Slot j receives the record at order[j]; follow the cycle through start.
                let held = (base + start).move()
                var j = start
                while order[j] != start {
                    (base + j).moveInitialize(from: base + order[j], count: 1)
                    placed[j] = true
                    j = order[j]
                }
                (base + j).initialize(to: held)
                placed[j] = true
            }
        }
    }
}

extension FlowCollection {
    /// The connections stitched across these points, and the points' clock offsets.
    public func correlate() -> CorrelationResult {
        Correlator(records: records, points: points.map(\.input.point)).correlate()
    }
}

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
}

extension FlowCollection {
    /// The connections stitched across these points, and the points' clock offsets.
    public func correlate() -> CorrelationResult {
        Correlator(records: records, points: points.map(\.input.point)).correlate()
    }
}

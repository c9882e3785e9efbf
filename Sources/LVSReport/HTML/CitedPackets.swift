import LVSWire

/// The summary lines (`lvscope decode` text) of the packets an HTML report cites, read
/// back from the captures after the analysis: evidence links land on the packet itself.
/// Keyed by capture point (file) name and 1-based frame number, as `PacketReference` is.
public struct CitedPackets: Sendable {
    public struct Packet: Sendable, Hashable {
        public var capture: String
        public var frame: Int
        public var time: Timestamp
        public var summary: String

        public init(capture: String, frame: Int, time: Timestamp, summary: String) {
            self.capture = capture
            self.frame = frame
            self.time = time
            self.summary = summary
        }
    }

    /// Sorted by capture, then frame.
    public private(set) var packets: [Packet]
    private var index: [FrameKey: Int] = [:]

    struct FrameKey: Hashable {
        var capture: String
        var frame: Int
    }

    public init(_ packets: [Packet] = []) {
        self.packets = packets.sorted { ($0.capture, $0.frame) < ($1.capture, $1.frame) }
        for (i, packet) in self.packets.enumerated() {
            index[FrameKey(capture: packet.capture, frame: packet.frame)] = i
        }
    }

    public func packet(capture: String, frame: Int) -> Packet? {
        index[FrameKey(capture: capture, frame: frame)].map { packets[$0] }
    }

    /// The packets of one capture, by frame.
    func packets(of capture: String) -> [Packet] { packets.filter { $0.capture == capture } }
}

/// The frames a report wants summary lines for, per capture point (file) name.
public struct FrameRequest: Sendable, Equatable {
    /// Sorted by capture; frames sorted and unique.
    public var captures: [(capture: String, frames: [Int])]

    public init(_ references: [(capture: String, frame: Int)]) {
        var byCapture: [String: Set<Int>] = [:]
        for reference in references where reference.frame > 0 {
            byCapture[reference.capture, default: []].insert(reference.frame)
        }
        captures = byCapture.keys.sorted().map { ($0, byCapture[$0, default: []].sorted()) }
    }

    public static func == (lhs: FrameRequest, rhs: FrameRequest) -> Bool {
        lhs.captures.map(\.capture) == rhs.captures.map(\.capture)
            && lhs.captures.map(\.frames) == rhs.captures.map(\.frames)
    }
}

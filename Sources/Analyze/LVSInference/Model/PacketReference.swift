import LVSWire

/// A packet cited as evidence: capture point, 1-based frame number, capture time
/// (DESIGN.md §4's `{"capture", "frame", "time"}`).
public struct PacketReference: Hashable, Comparable, Sendable {
    /// The capture point (or sub-point) name.
    public var capture: String
    public var frame: Int
    public var time: Timestamp

    public init(capture: String, frame: Int, time: Timestamp) {
        self.capture = capture
        self.frame = frame
        self.time = time
    }

    public static func < (lhs: PacketReference, rhs: PacketReference) -> Bool {
        (lhs.time, lhs.capture, lhs.frame) < (rhs.time, rhs.capture, rhs.frame)
    }
}

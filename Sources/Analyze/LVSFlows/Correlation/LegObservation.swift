import LVSCapture

/// Where one leg of a connection was seen: a flow record at a capture point, and the
/// link legs (originator's direction) of that record that belong to this connection leg
/// (a DR director's record holds both the client-side and the real-server-side legs).
public struct LegObservation: Hashable, Sendable {
    public var point: CapturePointName
    public var input: Int
    public var uid: FlowUID
    /// The record's index in the records correlated (`FlowCollection.records`).
    public var record: Int
    public var links: [LinkLeg]

    public init(point: CapturePointName, input: Int, uid: FlowUID, record: Int, links: [LinkLeg]) {
        self.point = point
        self.input = input
        self.uid = uid
        self.record = record
        self.links = links
    }
}

import LVSCapture

/// Where one leg of a connection was seen: a flow record at a capture point, and the
/// link legs (originator's direction) of that record that belong to this connection leg
/// (a DR director's record holds both the client-side and the real-server-side legs).
public struct LegObservation: Hashable, Sendable {
    public var point: CapturePointName
    public var input: Int
    public var uid: FlowUID
    public var links: [LinkLeg]

    public init(point: CapturePointName, input: Int, uid: FlowUID, links: [LinkLeg]) {
        self.point = point
        self.input = input
        self.uid = uid
        self.links = links
    }
}

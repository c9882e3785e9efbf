/// A link leg a flow used in one direction, with its packet count (forwarded copies
/// included).
public struct LinkLegCount: Hashable, Sendable {
    public var leg: LinkLeg
    public var direction: FlowDirection
    public var packets: Int

    public init(leg: LinkLeg, direction: FlowDirection, packets: Int) {
        self.leg = leg
        self.direction = direction
        self.packets = packets
    }
}

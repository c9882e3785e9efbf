import LVSCapture
import LVSWire

/// An address whose claimed MAC went back to one that had claimed it before (A → B → A):
/// neighbours' caches for it flip between two hosts, the wire signature of a DR real
/// server answering ARP for the VIP (lvs-reference.md §9.3) or of a VRRP split brain.
public struct MACFlipFlop: Hashable, Sendable {
    public var address: IPAddress
    public var point: CapturePointName
    /// The MACs that claimed the address, in order of their first claim.
    public var macs: [MACAddress]
    /// How often the claimed MAC changed, and how often a change went back to a MAC that
    /// had claimed the address before.
    public var changes: Int
    public var returns: Int
    /// The first and the last change.
    public var firstChangeTime: Timestamp
    public var firstChangeFrame: Int
    public var lastChangeTime: Timestamp
    public var lastChangeFrame: Int

    public init(address: IPAddress, point: CapturePointName, macs: [MACAddress], changes: Int, returns: Int,
                firstChangeTime: Timestamp, firstChangeFrame: Int, lastChangeTime: Timestamp, lastChangeFrame: Int) {
        self.address = address
        self.point = point
        self.macs = macs
        self.changes = changes
        self.returns = returns
        self.firstChangeTime = firstChangeTime
        self.firstChangeFrame = firstChangeFrame
        self.lastChangeTime = lastChangeTime
        self.lastChangeFrame = lastChangeFrame
    }
}

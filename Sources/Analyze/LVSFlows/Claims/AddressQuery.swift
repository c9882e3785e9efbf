import LVSCapture
import LVSWire

/// Who asked for an address at a capture point: ARP requests and neighbour solicitations
/// for `address`, by requester.
public struct AddressQuery: Hashable, Sendable {
    /// The address asked for.
    public var address: IPAddress
    /// The requester's own address; nil for an ARP probe (sender 0.0.0.0) or a
    /// duplicate-address-detection solicitation (source ::).
    public var requesterAddress: IPAddress?
    public var requesterMAC: MACAddress
    public var point: CapturePointName
    public var count: Int
    public var firstTime: Timestamp
    public var lastTime: Timestamp
    public var firstFrame: Int

    public init(address: IPAddress, requesterAddress: IPAddress?, requesterMAC: MACAddress, point: CapturePointName,
                count: Int, firstTime: Timestamp, lastTime: Timestamp, firstFrame: Int) {
        self.address = address
        self.requesterAddress = requesterAddress
        self.requesterMAC = requesterMAC
        self.point = point
        self.count = count
        self.firstTime = firstTime
        self.lastTime = lastTime
        self.firstFrame = firstFrame
    }
}

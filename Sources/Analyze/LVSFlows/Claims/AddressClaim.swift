import LVSCapture
import LVSWire

/// One MAC claiming one IP address at one capture point, by one kind of message, with
/// how often and when (first and last).
public struct AddressClaim: Hashable, Sendable {
    public var address: IPAddress
    public var mac: MACAddress
    public var point: CapturePointName
    public var kind: ClaimKind
    public var count: Int
    public var firstTime: Timestamp
    public var lastTime: Timestamp
    public var firstFrame: Int
    public var lastFrame: Int

    public init(address: IPAddress, mac: MACAddress, point: CapturePointName, kind: ClaimKind, count: Int,
                firstTime: Timestamp, lastTime: Timestamp, firstFrame: Int, lastFrame: Int) {
        self.address = address
        self.mac = mac
        self.point = point
        self.kind = kind
        self.count = count
        self.firstTime = firstTime
        self.lastTime = lastTime
        self.firstFrame = firstFrame
        self.lastFrame = lastFrame
    }
}

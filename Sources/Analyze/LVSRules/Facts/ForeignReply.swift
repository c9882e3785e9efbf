import LVSCapture
import LVSInference
import LVSWire

/// A reply to a client's request for a VIP that came from another address: the same
/// client address and port answered by `source` instead of VIP:port, at one capture point.
/// The wire signature of a real server bypassing the director in NAT (§9.1), of a client
/// on the real servers' subnet, and of a DR/TUN server answering from its RIP (§9.11).
struct ForeignReply {
    var service: ServiceVerdict
    /// Indices into the flow records: the client's flow to the VIP and the reply's flow.
    var request: Int
    var reply: Int
    var client: IPAddress
    var clientPort: UInt16
    var source: IPAddress
    var sourcePort: UInt16
    var point: CapturePointName
    /// The MAC the reply came from here, and the MAC the client's request went to (its
    /// next hop toward the VIP); nil on cooked captures, which carry no destination.
    var replyMAC: MACAddress?
    var requestNextHop: MACAddress?
    /// Whether the reply came through the director: true when it came from the director's
    /// MAC the client sends VIP traffic to (the director forwarded it without rewriting
    /// the source), false when from another MAC, nil when the client's next hop is not a
    /// known director MAC (a router: both paths end there) or MACs are unknown.
    var cameThroughDirector: Bool?
}

import LVSWire

/// ICMP errors that quoted a packet of a flow (RFC 792 / RFC 4443: the quote carries the
/// offending packet's header and ports): how many, and the first one's details.
public struct ICMPErrorSummary: Hashable, Sendable {
    public var count: Int
    /// 4 or 6 (ICMP or ICMPv6).
    public var version: UInt8
    public var type: UInt8
    public var code: UInt8
    /// Who sent the first error (its outer source address).
    public var sender: IPAddress
    public var frame: Int
    public var time: Timestamp
    /// Next-hop MTU of a fragmentation-needed / packet-too-big error.
    public var mtu: UInt32?

    public init(count: Int, version: UInt8, type: UInt8, code: UInt8, sender: IPAddress, frame: Int,
                time: Timestamp, mtu: UInt32?) {
        self.count = count
        self.version = version
        self.type = type
        self.code = code
        self.sender = sender
        self.frame = frame
        self.time = time
        self.mtu = mtu
    }
}

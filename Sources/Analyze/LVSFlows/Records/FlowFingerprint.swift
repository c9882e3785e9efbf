import LVSWire

/// The content of a flow's first packets that no LVS mode rewrites, with which the same
/// connection is recognised at other capture points and on other legs (DESIGN.md §3).
///
/// NAT rewrites addresses and ports, FULL-NAT also sequence numbers (real DPVS/Alibaba)
/// and strips timestamps from the SYN, DR only the destination MAC, TUN adds an outer
/// header: none touches the payload, the IPv4 ID or a non-SYN packet's timestamps.
public struct FlowFingerprint: Hashable, Sendable {
    /// IP ID of the originator's first packet (its SYN for TCP); 0 for IPv6.
    public var firstIPID: UInt16
    /// The originator's SYN: sequence number, window, TCP timestamp value (0 if absent).
    public var synSequence: UInt32?
    public var synWindow: UInt16
    public var synTimestamp: UInt32
    /// When the flow began with that SYN (or, for UDP and ICMP, the first packet): the
    /// time to compare across points for clock offsets.
    public var firstPacketTime: Timestamp?
    /// The originator's first payload: FNV-1a of its first 64 bytes (nil when not fully
    /// captured), its length, and the TCP timestamp it carried.
    public var requestDigest: UInt32?
    public var requestLength: Int
    public var requestTimestamp: UInt32
    /// The responder's first payload.
    public var responseDigest: UInt32?
    public var responseLength: Int

    public init(firstIPID: UInt16 = 0, synSequence: UInt32? = nil, synWindow: UInt16 = 0, synTimestamp: UInt32 = 0,
                firstPacketTime: Timestamp? = nil, requestDigest: UInt32? = nil, requestLength: Int = 0,
                requestTimestamp: UInt32 = 0, responseDigest: UInt32? = nil, responseLength: Int = 0) {
        self.firstIPID = firstIPID
        self.synSequence = synSequence
        self.synWindow = synWindow
        self.synTimestamp = synTimestamp
        self.firstPacketTime = firstPacketTime
        self.requestDigest = requestDigest
        self.requestLength = requestLength
        self.requestTimestamp = requestTimestamp
        self.responseDigest = responseDigest
        self.responseLength = responseLength
    }
}

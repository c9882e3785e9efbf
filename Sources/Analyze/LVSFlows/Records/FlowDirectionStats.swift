import LVSWire

/// What one direction of a flow sent, as counted at one capture point.
public struct FlowDirectionStats: Hashable, Sendable {
    /// Packets, not counting forwarded copies.
    public var packets = 0
    /// Payload bytes, not counting retransmissions or forwarded copies (Zeek's
    /// `orig_bytes` / `resp_bytes`).
    public var payloadBytes = 0
    /// Sum of the IP headers' total lengths (Zeek's `orig_ip_bytes` / `resp_ip_bytes`).
    public var ipBytes = 0
    /// TCP segments whose payload (or SYN) had been sent before on the same link leg.
    public var retransmissions = 0
    public var zeroWindows = 0
    /// Segments that started beyond the highest sequence number seen (bytes missing).
    public var gaps = 0
    /// Lowest and highest TTL / hop limit (of the innermost IP header).
    public var ttl: ClosedRange<UInt8>?
    /// MSS option of the SYN (orig) or SYN-ACK (resp).
    public var mss: UInt16?
    /// The source MAC of this direction's first packet.
    public var mac: MACAddress?
    /// Linux cooked captures: packets the capturing host received / sent (`PACKET_OUTGOING`).
    public var cookedIn = 0
    public var cookedOutgoing = 0
    /// Transport checksums that were wrong, and ones that held the pseudo-header sum a
    /// sender under checksum offload leaves (a capture artifact, not an error).
    public var badChecksums = 0
    public var offloadedChecksums = 0

    public init() {}
}

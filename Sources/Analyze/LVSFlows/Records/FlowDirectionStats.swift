import LVSWire

/// What one direction of a flow sent, as counted at one capture point.
///
/// The counts the tracker keeps in 32 bits are stored in 32 bits (`Count32`, read as
/// `Int`, declared together so that they pack): a record carries two of these, and the
/// records are read in whole passes, a million at a time, by correlation, inference,
/// rules and the listings.
public struct FlowDirectionStats: Hashable, Sendable {
    /// Payload bytes, not counting retransmissions or forwarded copies (Zeek's
    /// `orig_bytes` / `resp_bytes`).
    public var payloadBytes = 0
    /// Sum of the IP headers' total lengths (Zeek's `orig_ip_bytes` / `resp_ip_bytes`).
    public var ipBytes = 0
    /// Packets, not counting forwarded copies.
    @Count32 public var packets = 0
    /// TCP segments whose payload (or SYN) had been sent before on the same link leg.
    @Count32 public var retransmissions = 0
    @Count32 public var zeroWindows = 0
    /// Segments that started beyond the highest sequence number seen (bytes missing).
    @Count32 public var gaps = 0
    /// Linux cooked captures: packets the capturing host received / sent (`PACKET_OUTGOING`).
    @Count32 public var cookedIn = 0
    @Count32 public var cookedOutgoing = 0
    /// Transport checksums that were wrong, and ones that held the pseudo-header sum a
    /// sender under checksum offload leaves (a capture artifact, not an error).
    @Count32 public var badChecksums = 0
    @Count32 public var offloadedChecksums = 0
    /// Lowest and highest TTL / hop limit (of the innermost IP header).
    public var ttl: ClosedRange<UInt8>?
    /// MSS option of the SYN (orig) or SYN-ACK (resp).
    public var mss: UInt16?
    /// The source MAC of this direction's first packet.
    public var mac: MACAddress?

    public init() {}
}

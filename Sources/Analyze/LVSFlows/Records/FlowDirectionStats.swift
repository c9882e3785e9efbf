import LVSWire

/// What one direction of a flow sent, as counted at one capture point.
///
/// The counts the tracker keeps in 32 bits are stored in 32 bits (and read as `Int`): a
/// record carries two of these, and the records are read in whole passes, a million at a
/// time, by correlation, inference, rules and the listings.
public struct FlowDirectionStats: Hashable, Sendable {
    /// Payload bytes, not counting retransmissions or forwarded copies (Zeek's
    /// `orig_bytes` / `resp_bytes`).
    public var payloadBytes = 0
    /// Sum of the IP headers' total lengths (Zeek's `orig_ip_bytes` / `resp_ip_bytes`).
    public var ipBytes = 0
    /// Lowest and highest TTL / hop limit (of the innermost IP header).
    public var ttl: ClosedRange<UInt8>?
    /// MSS option of the SYN (orig) or SYN-ACK (resp).
    public var mss: UInt16?
    /// The source MAC of this direction's first packet.
    public var mac: MACAddress?
    @usableFromInline var packetCount: UInt32 = 0
    @usableFromInline var retransmissionCount: UInt32 = 0
    @usableFromInline var zeroWindowCount: UInt32 = 0
    @usableFromInline var gapCount: UInt32 = 0
    @usableFromInline var cookedInCount: UInt32 = 0
    @usableFromInline var cookedOutgoingCount: UInt32 = 0
    @usableFromInline var badChecksumCount: UInt32 = 0
    @usableFromInline var offloadedChecksumCount: UInt32 = 0

    public init() {}

    /// Packets, not counting forwarded copies.
    @inlinable public var packets: Int {
        get { Int(packetCount) }
        set { packetCount = UInt32(clamping: newValue) }
    }

    /// TCP segments whose payload (or SYN) had been sent before on the same link leg.
    @inlinable public var retransmissions: Int {
        get { Int(retransmissionCount) }
        set { retransmissionCount = UInt32(clamping: newValue) }
    }

    @inlinable public var zeroWindows: Int {
        get { Int(zeroWindowCount) }
        set { zeroWindowCount = UInt32(clamping: newValue) }
    }

    /// Segments that started beyond the highest sequence number seen (bytes missing).
    @inlinable public var gaps: Int {
        get { Int(gapCount) }
        set { gapCount = UInt32(clamping: newValue) }
    }

    /// Linux cooked captures: packets the capturing host received / sent (`PACKET_OUTGOING`).
    @inlinable public var cookedIn: Int {
        get { Int(cookedInCount) }
        set { cookedInCount = UInt32(clamping: newValue) }
    }

    @inlinable public var cookedOutgoing: Int {
        get { Int(cookedOutgoingCount) }
        set { cookedOutgoingCount = UInt32(clamping: newValue) }
    }

    /// Transport checksums that were wrong, and ones that held the pseudo-header sum a
    /// sender under checksum offload leaves (a capture artifact, not an error).
    @inlinable public var badChecksums: Int {
        get { Int(badChecksumCount) }
        set { badChecksumCount = UInt32(clamping: newValue) }
    }

    @inlinable public var offloadedChecksums: Int {
        get { Int(offloadedChecksumCount) }
        set { offloadedChecksumCount = UInt32(clamping: newValue) }
    }
}

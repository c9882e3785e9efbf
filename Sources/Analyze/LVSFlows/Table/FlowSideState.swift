/// The live counters and TCP tracking of one direction of a flow (hot data: every packet
/// touches it). 45 bytes, so the two sides of a `FlowEntry` take 96.
struct FlowSideState {
    /// Payload bytes of packets that were neither retransmissions nor forwarded copies.
    var payloadBytes: UInt64 = 0
    /// Sum of the IP headers' total lengths (Zeek's `ip_bytes`), copies excluded.
    var ipBytes: UInt64 = 0
    var packets: UInt32 = 0
    var retransmissions: UInt32 = 0
    /// One past the highest sequence number sent (seq + payload + SYN + FIN).
    var nextSeq: UInt32 = 0
    /// The sequence number of the last SYN this side sent.
    var isn: UInt32 = 0
    /// Low 16 bits of `seq + length` of the last FIN and of `seq` of the last RST, for
    /// Zeek's rule that F and R repeat in the history only with a new sequence number.
    var lastFINSeq: UInt16 = 0
    var lastRSTSeq: UInt16 = 0
    var ttlMin: UInt8 = .max
    var ttlMax: UInt8 = 0
    /// MSS option of this side's SYN (orig) or SYN-ACK (resp); 0 when absent.
    var mss: UInt16 = 0
    var seen: SideFlags = []
    /// The link leg of this side's first packet: later packets of the same content on
    /// another leg are forwarded copies, not retransmissions.
    var primaryLeg: UInt16 = 0
    var endpoint: TCPEndpointState = .inactive
}

/// The live counters and TCP tracking of one direction of a flow (hot data: every packet
/// touches it): 40 bytes.
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
    var ttlMin: UInt8 = .max
    var ttlMax: UInt8 = 0
    /// MSS option of this side's SYN (orig) or SYN-ACK (resp); 0 when absent.
    var mss: UInt16 = 0
    /// What the side did (bits 0–12) and its Zeek endpoint state (bits 13–15).
    var seen: SideFlags = []
    /// The link leg of this side's first packet: later packets of the same content on
    /// another leg are forwarded copies, not retransmissions.
    var primaryLeg: UInt16 = 0

    var endpoint: TCPEndpointState {
        get { TCPEndpointState(rawValue: UInt8(seen.rawValue >> 13)) ?? .inactive }
        set { seen.rawValue = seen.rawValue & 0x1FFF | UInt16(newValue.rawValue) << 13 }
    }
}

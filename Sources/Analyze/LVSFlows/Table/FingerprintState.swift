/// The invariant content of a flow's first packets, kept for correlation across capture
/// points (DESIGN.md §3): what LVS does not rewrite in any mode.
///
/// - the originator's first SYN (TCP) or first packet (UDP, ICMP): IP ID, window, TCP
///   timestamp value; its sequence number is the orig side's `isn`;
/// - the originator's first payload: a digest of its first 64 bytes, its length, the TCP
///   timestamp value it carried (FULL-NAT rewrites sequence numbers, never payload or,
///   outside the SYN, timestamps);
/// - the responder's first payload: digest and length.
///
/// A digest of 0 means "not known" (no payload, or fewer bytes captured than needed).
struct FingerprintState {
    var firstIPID: UInt16 = 0
    var synWindow: UInt16 = 0
    var synTimestamp: UInt32 = 0
    var requestDigest: UInt32 = 0
    var requestTimestamp: UInt32 = 0
    var requestLength: UInt16 = 0
    var responseLength: UInt16 = 0
    var responseDigest: UInt32 = 0
}

import LVSWire

/// The content of a packet that no LVS mode rewrites, used to recognise the same packet
/// before and after the director and at several capture points (DESIGN.md §3): the
/// innermost IP header's version, protocol and IPv4 identification, the TCP flags, and
/// the payload's length and digest. ICMP errors are identified by type, code and the
/// quoted packet's identification, protocol and TCP sequence number; echo messages by
/// identifier, sequence and payload.
///
/// Addresses, ports, TTL and checksums are left out on purpose: those are what the
/// director rewrites. Sequence numbers are left out too (FULL-NAT shifts them); callers
/// prefer candidates whose numbers agree.
struct AlignmentKey: Hashable, Sendable {
    var version: UInt8
    var proto: UInt8
    var identification: UInt32
    /// TCP flags; ICMP type << 8 | code.
    var flags: UInt16
    var payloadLength: Int
    var digest: UInt64
}

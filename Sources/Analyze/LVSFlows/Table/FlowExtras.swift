/// The cold part of a flow: facts most flows never need, kept in a pool and attached to
/// a `FlowEntry` on first use (a TOA option, an ICMP error quoting the flow, a bad or
/// offloaded checksum, a zero window or a gap, a Linux cooked capture's directions, an
/// IP-in-IP or GRE tunnel).
struct FlowExtras {
    var zeroWindows = DirectionCounts()
    var gaps = DirectionCounts()
    var badChecksums = DirectionCounts()
    var offloadedChecksums = DirectionCounts()
    /// SLL/SLL2 packet types: outgoing (4) and everything else (received).
    var cookedIn = DirectionCounts()
    var cookedOut = DirectionCounts()
    var toa = TOAState()
    var icmpErrors: UInt32 = 0
    var firstICMPError: ICMPErrorState?
    var tunnel: TunnelState?
    /// Packets on a link leg beyond the four a flow keeps.
    var otherLegPackets: UInt32 = 0

    mutating func flip() {
        zeroWindows = zeroWindows.flipped()
        gaps = gaps.flipped()
        badChecksums = badChecksums.flipped()
        offloadedChecksums = offloadedChecksums.flipped()
        cookedIn = cookedIn.flipped()
        cookedOut = cookedOut.flipped()
    }
}

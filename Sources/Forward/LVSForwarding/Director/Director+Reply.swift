import LVSConfig
import LVSWire

/// The reply path, `ip_vs_out_hook` → `handle_response` (ip_vs_core.c): NAT replies are
/// de-NATed in FORWARD (the TTL was already lowered by `ip_forward`); FULL-NAT replies
/// arrive for the local address and leave for the client. Replies of DR/TUN entries (only
/// possible when a real server answers from its RIP through the director) are forwarded
/// unchanged but still clear NOOUTPUT.
extension Director {
    mutating func handleReply(_ slot: Int32, _ input: Input, into emissions: inout Emissions) {
        let connection = connections[slot]
        let buffer = copyFrame(input, into: &emissions)
        let bytes = buffer.mutableBytes
        let parsed = input.parsed
        var destinationMAC = topology.clientRouter
        switch connection.mode {
        case .nat:
            decrementForwardedTTL(bytes, parsed)
            NATTransmitter.outbound(bytes, parsed, connection: connection)
        case .fullNAT:
            if parsed.isTCP, parsed.tcpFlags.contains(.syn), parsed.tcpFlags.contains(.ack) {
                connections[slot].fullNAT?.realServerISN = bytes.u32(at: parsed.transport + TCPView.Field.sequenceNumber)
            }
            FullNATTransmitter.outbound(bytes, parsed, connection: connection, fullChecksum: profile.flavour == .dpvs)
            // Fast xmit: straight back to the MAC the client's frames came from.
            destinationMAC = connection.fullNAT?.clientMAC ?? topology.clientRouter
        case .directRouting, .tunnel:
            if !localAddresses.contains(parsed.destination) { decrementForwardedTTL(bytes, parsed) }
        }
        PacketEditing.setMACs(bytes, destination: destinationMAC, source: topology.clientSide.mac)
        connections[slot].packetsOut += 1
        transition(slot, parsed, direction: .outbound)
        let verdict: Verdict = connection.mode.repliesTraverseDirector ? .forwarded(connection.mode, .outbound) : .routed
        send(buffer, verdict: verdict, side: .client, time: input.time, into: &emissions)
        rearm(slot, at: input.time)
    }
}

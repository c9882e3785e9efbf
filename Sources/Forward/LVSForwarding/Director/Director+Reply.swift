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
        let parsed = input.parsed
        if profile.resetsOnExpiry, parsed.isTCP { saveReplyProgress(slot, input) }
        let buffer = copyFrame(input, into: &emissions)
        let bytes = buffer.mutableBytes
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

    /// `tcp_out_save_seq`: remember the server's next sequence number and its
    /// acknowledgement, ignoring resets and segments that acknowledge less than before.
    mutating func saveReplyProgress(_ slot: Int32, _ input: Input) {
        let parsed = input.parsed
        guard !parsed.tcpFlags.contains(.rst) else { return }
        let tcp = input.frame.suffix(from: parsed.transport)
        let sequence = tcp.u32(at: TCPView.Field.sequenceNumber)
        let acknowledgement = tcp.u32(at: TCPView.Field.acknowledgementNumber)
        if let last = connections[slot].replyProgress, last.endAcknowledgement != 0,
           SequenceNumber(acknowledgement) < SequenceNumber(last.endAcknowledgement) { return }
        let headerLength = Int(tcp.u8(at: TCPView.Field.dataOffsetAndFlags) >> 4) * 4
        let dataLength = parsed.end - parsed.transport - headerLength
        let end = parsed.tcpFlags.contains(.syn) && parsed.tcpFlags.contains(.ack) ? sequence &+ 1
            : sequence &+ UInt32(truncatingIfNeeded: dataLength)
        connections[slot].replyProgress = ReplyProgress(endSequence: end, endAcknowledgement: acknowledgement)
    }
}

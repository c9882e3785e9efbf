import LVSConfig
import LVSWire

/// ICMP errors related to entries (§4): `ip_vs_out_icmp` for errors a real server sends
/// about a request, `ip_vs_in_icmp` for errors about a reply that reach a VIP.
extension Director {
    /// An error from the real-server side quoting `client → RIP` (NAT) or `LIP → RIP`
    /// (FULL-NAT), found by the entry's outbound tuple; rewritten back toward the client.
    mutating func handleICMPAboutRequest(_ input: Input, into emissions: inout Emissions) -> Bool {
        let parsed = input.parsed
        guard let quote = QuotedPacket(input.frame, parsed) else { return false }
        let key = FlowKey(quote.ipProtocol, quote.destination, quote.destinationPort, quote.source, quote.sourcePort)
        guard let slot = connections.outbound(key) else { return false }
        let connection = connections[slot]
        guard connection.mode.repliesTraverseDirector else { return false }
        guard ICMPErrorTranslator.hasValidChecksum(input.frame, parsed) else {
            emissions.drop(.badICMPChecksum, at: input.time)
            return true
        }
        let buffer = copyFrame(input, into: &emissions)
        let bytes = buffer.mutableBytes
        var translator = ICMPErrorTranslator()
        translator.outerSource = connection.virtual
        translator.quotedDestination = (connection.virtual, connection.virtualPort)
        var destinationMAC = topology.clientRouter
        if connection.mode == .fullNAT {
            translator.outerDestination = connection.client
            translator.quotedSource = (connection.client, connection.clientPort)
            destinationMAC = connection.fullNAT?.clientMAC ?? topology.clientRouter
        } else {
            decrementForwardedTTL(bytes, parsed)
        }
        translator.apply(to: bytes, parsed, quote: quote)
        PacketEditing.setMACs(bytes, destination: destinationMAC, source: topology.clientSide.mac)
        send(buffer, verdict: .forwarded(connection.mode, .outbound), side: .client, time: input.time, into: &emissions)
        return true
    }

    /// An error to a VIP quoting `VIP:vport → client`, found by the entry's inbound tuple.
    /// NAT and FULL-NAT rewrite it toward the real server; DR and TUN relay it unchanged
    /// through their transmitter.
    mutating func handleICMPAboutReply(_ input: Input, into emissions: inout Emissions) -> Bool {
        let parsed = input.parsed
        guard let quote = QuotedPacket(input.frame, parsed) else { return false }
        let key = FlowKey(quote.ipProtocol, quote.destination, quote.destinationPort, quote.source, quote.sourcePort)
        guard let slot = connections.inbound(key) else { return false }
        let connection = connections[slot]
        guard ICMPErrorTranslator.hasValidChecksum(input.frame, parsed) else {
            emissions.drop(.badICMPChecksum, at: input.time)
            return true
        }
        if connection.mode == .tunnel {
            transmitTunnel(connection, input, isICMPError: true, into: &emissions)
            return true
        }
        let buffer = copyFrame(input, into: &emissions)
        let side = topology.side(toward: connection.real)
        let checkTTL = connection.mode != .fullNAT
        guard !checkTTL || passRequestChecks(buffer, input, mtu: topology.interface(side).mtu, tunnel: false,
                                             isICMPError: true, into: &emissions) else { return true }
        guard let nextHop = topology.nextHop(toward: connection.real) else {
            emissions.drop(.noNeighbour, at: input.time)
            return true
        }
        let bytes = buffer.mutableBytes
        switch connection.mode {
        case .nat:
            ICMPErrorTranslator(outerDestination: connection.real,
                                quotedSource: (connection.real, connection.realPort)).apply(to: bytes, parsed, quote: quote)
        case .fullNAT:
            ICMPErrorTranslator(outerSource: connection.local, outerDestination: connection.real,
                                quotedSource: (connection.real, connection.realPort),
                                quotedDestination: connection.local.map { ($0, connection.localPort) })
                .apply(to: bytes, parsed, quote: quote)
        case .directRouting, .tunnel:
            DirectRoutingTransmitter.inbound(bytes, parsed)
        }
        PacketEditing.setMACs(bytes, destination: nextHop, source: topology.interface(side).mac)
        send(buffer, verdict: .forwarded(connection.mode, .inbound), side: side, time: input.time, into: &emissions)
        return true
    }
}

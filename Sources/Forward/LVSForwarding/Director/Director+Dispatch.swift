import LVSWire

/// Which hook a frame meets, as in the kernel's hook order (§1.1): frames to a director
/// address go through LOCAL_IN (the reply handler first, then the request handler);
/// others are forwarded (TTL and MTU of `ip_forward`, then the FORWARD reply handler).
extension Director {
    mutating func handleLocal(_ input: Input, into emissions: inout Emissions) {
        let parsed = input.parsed
        if parsed.isICMP {
            if parsed.isRelatedICMPError {
                if handleICMPAboutRequest(input, into: &emissions) { return }
                if handleICMPAboutTunnel(input, into: &emissions) { return }
                if handleICMPAboutReply(input, into: &emissions) { return }
            }
            return emissions.drop(.localDelivery, at: input.time)
        }
        guard parsed.isTCP || parsed.isUDP else { return emissions.drop(.localDelivery, at: input.time) }
        let replyKey = FlowKey(parsed.ipProtocol, parsed.source, parsed.sourcePort, parsed.destination,
                               parsed.destinationPort)
        if let slot = connections.outbound(replyKey) {
            return handleReply(slot, input, into: &emissions)
        }
        guard virtualAddresses.contains(parsed.destination) else {
            return emissions.drop(.localDelivery, at: input.time)
        }
        handleRequest(input, into: &emissions)
    }

    mutating func handleForwarded(_ input: Input, into emissions: inout Emissions) {
        guard input.side == .realServer else { return emissions.drop(.notForDirector, at: input.time) }
        guard passForwardingChecks(input, into: &emissions) else { return }
        let parsed = input.parsed
        if parsed.isRelatedICMPError, handleICMPAboutRequest(input, into: &emissions) { return }
        if parsed.isTCP || parsed.isUDP {
            let replyKey = FlowKey(parsed.ipProtocol, parsed.source, parsed.sourcePort, parsed.destination,
                                   parsed.destinationPort)
            if let slot = connections.outbound(replyKey) {
                return handleReply(slot, input, into: &emissions)
            }
        }
        routeUnchanged(input, into: &emissions)
    }

    /// `ip_forward`'s checks before the FORWARD hook: TTL (time exceeded from the director's
    /// address on the arrival side) and, for DF packets, the egress MTU. DPVS forwards in
    /// its own data plane, which neither checks nor lowers the TTL.
    mutating func passForwardingChecks(_ input: Input, into emissions: inout Emissions) -> Bool {
        let parsed = input.parsed
        guard profile.flavour != .dpvs else { return true }
        let own = topology.address(on: input.side, ipv4: parsed.isIPv4) ?? parsed.destination
        let mtu = topology.interface(.client).mtu
        var error: (ICMPErrorKind, DropReason)?
        if parsed.ttl <= 1 {
            error = (.timeExceeded, .ttlExceeded)
        } else if parsed.ipLength > mtu, parsed.dontFragment {
            error = (parsed.isIPv4 ? .fragmentationNeeded(mtu: mtu) : .packetTooBig(mtu: mtu), .tooBig)
        }
        guard let (kind, reason) = error else { return true }
        emitICMPError(kind, about: input.packet, from: own, to: parsed.source, side: input.side,
                      previousHop: parsed.sourceMAC, time: input.time, buffer: emissions.takeBuffer(),
                      into: &emissions)
        emissions.drop(reason, at: input.time)
        return false
    }

    /// A real server's packet that matches no entry: routed like any forwarded packet, its
    /// source unchanged (a NAT reply that lost its entry leaks the RIP to the client).
    mutating func routeUnchanged(_ input: Input, into emissions: inout Emissions) {
        let buffer = copyFrame(input, into: &emissions)
        let bytes = buffer.mutableBytes
        decrementForwardedTTL(bytes, input.parsed)
        PacketEditing.setMACs(bytes, destination: topology.clientRouter, source: topology.clientSide.mac)
        send(buffer, verdict: .routed, side: .client, time: input.time, into: &emissions)
    }

    /// `ip_decrease_ttl` / hop limit − 1 of the forwarding path (not in DPVS's data plane).
    func decrementForwardedTTL(_ bytes: UnsafeMutableRawBufferPointer, _ parsed: ParsedFrame) {
        guard profile.flavour != .dpvs else { return }
        PacketEditing.decrementTTL(bytes, network: parsed.network, isIPv4: parsed.isIPv4)
    }
}

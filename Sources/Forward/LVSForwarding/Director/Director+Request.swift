import LVSConfig
import LVSWire

/// The request path, `ip_vs_in_hook` (ip_vs_core.c): look the entry up, let a new SYN
/// reuse or reschedule it (`conn_reuse_mode`, `expire_nodest_conn`), schedule when there is
/// none, move the TCP state, transmit by the entry's mode, re-arm its timer.
extension Director {
    mutating func handleRequest(_ input: Input, into emissions: inout Emissions) {
        let parsed = input.parsed
        let key = FlowKey(parsed.ipProtocol, parsed.source, parsed.sourcePort, parsed.destination, parsed.destinationPort)
        var slot = connections.inbound(key)
        if let existing = slot, parsed.isTCP, parsed.tcpFlags.contains(.syn) {
            let decision = reuseDecision(existing)
            if decision != .keep {
                // ip_vs_conn_expire_now, unless the entry still controls others.
                if connections[existing].controlledCount == 0 { unlink(existing) }
                slot = nil
            }
            if decision == .drop { return emissions.drop(.connectionReuse, at: input.time) }
        }
        if let existing = slot, !destinationAvailable(existing) {
            guard settings.expireNoDestinationConnections else {
                return emissions.drop(.destinationUnavailable, at: input.time)
            }
            unlink(existing)
            slot = nil
        }
        if slot == nil {
            switch schedule(input) {
            case let .scheduled(created): slot = created
            case let .refused(reason, unreachable):
                if unreachable { emitPortUnreachable(input, into: &emissions) }
                return emissions.drop(reason, at: input.time)
            }
        }
        guard let slot else { return }
        connections[slot].packetsIn += 1
        transition(slot, parsed, direction: .inbound)
        transmitRequest(slot, input, into: &emissions)
        if connections[slot].flags.contains(.onePacket) {
            unlink(slot)
        } else {
            rearm(slot, at: input.time)
        }
    }

    enum ReuseDecision { case keep, reschedule, drop }

    /// A SYN hitting an existing entry (`is_new_conn` in `ip_vs_in_hook`).
    func reuseDecision(_ slot: Int32) -> ReuseDecision {
        let connection = connections[slot]
        let weight = services[connection.service].destinations.weight[connection.destination]
        // conntrack=1 holds the old flow's entry; before 5.9 the SYN is dropped whenever
        // conntrack is in use, later only for confirmed conntracks (modelled as never).
        let oldConntrack = settings.conntrack && profile.connectionReuseDropsSYN
        var reschedule = false
        if settings.expireNoDestinationConnections, weight == 0 {
            reschedule = true
        } else if settings.connectionReuseMode != 0, isNewConnectionExpected(connection) {
            reschedule = connection.controlledCount == 0 || !oldConntrack
        }
        guard reschedule else { return .keep }
        return oldConntrack ? .drop : .reschedule
    }

    /// `is_new_conn_expected`: an uncontrolled TCP entry in TIME_WAIT or CLOSE, or with
    /// `conn_reuse_mode & 2` in FIN_WAIT without output (DR/TUN).
    func isNewConnectionExpected(_ connection: Connection) -> Bool {
        guard connection.control == nil, connection.ipProtocol == .tcp else { return false }
        switch connection.state {
        case .timeWait, .close: return true
        case .finWait: return settings.connectionReuseMode & 2 != 0 && connection.flags.contains(.noOutput)
        default: return false
        }
    }

    func destinationAvailable(_ slot: Int32) -> Bool {
        let connection = connections[slot]
        return services[connection.service].destinations.available[connection.destination]
    }

    /// `ip_vs_leave`: ICMP port unreachable from the VIP when no destination is available.
    mutating func emitPortUnreachable(_ input: Input, into emissions: inout Emissions) {
        emitICMPError(.portUnreachable, about: input.packet, from: input.parsed.destination, to: input.parsed.source,
                      side: input.side, previousHop: input.parsed.sourceMAC, time: input.time,
                      buffer: emissions.takeBuffer(), into: &emissions)
    }

    /// Sends a client packet on through the entry's transmitter.
    mutating func transmitRequest(_ slot: Int32, _ input: Input, into emissions: inout Emissions) {
        let connection = connections[slot]
        switch connection.mode {
        case .nat, .directRouting:
            let route = route(of: connection)
            let side = route.side
            let mtu = topology.interface(side).mtu
            let buffer = copyFrame(input, into: &emissions)
            guard passRequestChecks(buffer, input, mtu: mtu, tunnel: false, isICMPError: false, into: &emissions) else {
                return
            }
            guard let nextHop = route.nextHop else {
                return emissions.drop(.noNeighbour, at: input.time)
            }
            let bytes = buffer.mutableBytes
            if connection.mode == .nat {
                NATTransmitter.inbound(bytes, input.parsed, connection: connection)
            } else {
                DirectRoutingTransmitter.inbound(bytes, input.parsed)
            }
            PacketEditing.setMACs(bytes, destination: nextHop, source: topology.interface(side).mac)
            send(buffer, verdict: .forwarded(connection.mode, .inbound), side: side, time: input.time,
                 into: &emissions)
        case .tunnel:
            transmitTunnel(connection, input, isICMPError: false, into: &emissions)
        case .fullNAT:
            transmitFullNAT(slot, input, into: &emissions)
        }
    }

    /// `ip_vs_tunnel_xmit`: route checks with the tunnel's overhead, then encapsulation.
    mutating func transmitTunnel(_ connection: Connection, _ input: Input, isICMPError: Bool,
                                 into emissions: inout Emissions) {
        let tunnel = services[connection.service].destinations.servers[connection.destination].tunnel ?? .ipip
        let outerIPv4 = connection.real.isIPv4
        let route = route(of: connection)
        let side = route.side
        let mtu = topology.interface(side).mtu - TunnelTransmitter.overhead(outerIPv4: outerIPv4, tunnel: tunnel)
        let buffer = copyFrame(input, into: &emissions)
        let tooSmall = mtu < (outerIPv4 ? 68 : 1280)
        guard passRequestChecks(buffer, input, mtu: tooSmall ? .max : mtu, tunnel: true, isICMPError: isICMPError,
                                into: &emissions) else { return }
        if tooSmall { return emissions.drop(.tunnelMTUTooSmall, at: input.time) }
        let source: IPAddress? = outerIPv4 ? topology.ipv4TunnelSource.map(IPAddress.v4)
            : topology.ipv6TunnelSource.map(IPAddress.v6)
        guard let source, let nextHop = route.nextHop else {
            return emissions.drop(.noNeighbour, at: input.time)
        }
        let outer = TunnelTransmitter.Outer(
            source: source, destination: connection.real, tunnel: tunnel, pmtuDiscovery: settings.pmtuDiscovery,
            identification: settings.pmtuDiscovery && input.parsed.isIPv4 && input.parsed.dontFragment
                ? 0 : nextIdentification(),
            sourcePort: TunnelTransmitter.flowSourcePort(input.parsed, secret: settings.hashSecret),
            destinationMAC: nextHop, sourceMAC: topology.interface(side).mac)
        TunnelTransmitter.encapsulate(buffer, input.parsed, outer: outer)
        send(buffer, verdict: .forwarded(.tunnel, .inbound), side: side, time: input.time, into: &emissions)
    }

    /// FULL-NAT toward the real server (`dp_vs_xmit_fnat` / Alibaba `ip_vs_fnat_xmit`): no
    /// TTL change (DPVS without `xmit_ttl`, Alibaba's 2.6.32 base), the MTU check, then the
    /// rewrite.
    mutating func transmitFullNAT(_ slot: Int32, _ input: Input, into emissions: inout Emissions) {
        let connection = connections[slot]
        let route = route(of: connection)
        let side = route.side
        let mtu = topology.interface(side).mtu
        let buffer = copyFrame(input, into: &emissions)
        guard passRequestChecks(buffer, input, mtu: mtu, tunnel: false, isICMPError: false, into: &emissions) else {
            return
        }
        guard let nextHop = route.nextHop else {
            return emissions.drop(.noNeighbour, at: input.time)
        }
        let plan = FullNATTransmitter.Inbound(
            connection: connection, toaKinds: settings.toa, toaOnSYN: settings.toaOnSYN, mtu: mtu,
            fullChecksum: profile.flavour == .dpvs)
        _ = FullNATTransmitter.inbound(buffer, input.parsed, plan)
        PacketEditing.setMACs(buffer.mutableBytes, destination: nextHop, source: topology.interface(side).mac)
        send(buffer, verdict: .forwarded(.fullNAT, .inbound), side: side, time: input.time, into: &emissions)
    }
}

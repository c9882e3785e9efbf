import LVSConfig
import LVSWire

/// State transitions, counters and timers of entries (`set_tcp_state`,
/// `udp_state_transition`, `ip_vs_conn_put`, `ip_vs_conn_expire`, `ip_vs_unbind_dest`).
extension Director {
    /// Moves a TCP entry through the state table in `direction` and sets its timeout;
    /// UDP entries just take the UDP timeout. Active/inactive counters follow the state
    /// (`tcp_state_active`, per the profile).
    mutating func transition(_ slot: Int32, _ parsed: ParsedFrame, direction: Direction) {
        var connection = connections[slot]
        guard connection.ipProtocol == .tcp else {
            connection.timeout = timeouts.udp
            connections[slot] = connection
            return
        }
        var block: TCPStateDirection = direction == .inbound ? .input : .output
        if connection.flags.contains(.noOutput) {
            if direction == .outbound { connection.flags.remove(.noOutput) } else { block = .inputOnly }
        }
        let next = stateTable.next(from: connection.state, on: parsed.stateEvent, direction: block)
        if next != connection.state {
            let inactive = connection.flags.contains(.inactive)
            let active = profile.countsAsActive(next)
            if !inactive, !active {
                services[connection.service].destinations.move(connection.destination, toActive: false)
                connection.flags.insert(.inactive)
            } else if inactive, active {
                services[connection.service].destinations.move(connection.destination, toActive: true)
                connection.flags.remove(.inactive)
            }
        }
        connection.state = next
        connection.timeout = timeouts[next]
        connections[slot] = connection
    }

    /// `ip_vs_conn_put`: the timer restarts at `time + timeout`.
    mutating func rearm(_ slot: Int32, at time: Timestamp) {
        connections[slot].expiry = time.adding(nanoseconds: Int64(connections[slot].timeout) * 1_000_000_000)
        connections.schedule(slot)
    }

    /// `ip_vs_conn_expire`: an entry that still controls others waits 60 s more (and keeps
    /// that timeout); otherwise it is unlinked.
    mutating func expire(_ slot: Int32, at time: Timestamp, into emissions: inout Emissions) {
        if connections[slot].controlledCount > 0 {
            connections[slot].timeout = 60
            rearm(slot, at: time)
            return
        }
        if profile.resetsOnExpiry { sendExpiryResets(slot, at: time, into: &emissions) }
        unlink(slot)
    }

    /// DPVS `tcp_conn_expire` / Alibaba `conn_expire_tcp_rst`: an ESTABLISHED NAT or
    /// FULL-NAT entry resets the real server (sequence = what it last acknowledged) and then
    /// the client (sequence = the server's next; DPVS's reply translation subtracts the
    /// FULL-NAT delta from the zero acknowledgement field too).
    mutating func sendExpiryResets(_ slot: Int32, at time: Timestamp, into emissions: inout Emissions) {
        let connection = connections[slot]
        guard connection.ipProtocol == .tcp, connection.state == .established, !connection.isTemplate,
              connection.mode == .nat || connection.mode == .fullNAT else { return }
        let progress = connection.replyProgress ?? ReplyProgress(endSequence: 0, endAcknowledgement: 0)
        let delta = connection.fullNAT?.sequenceDelta ?? 0
        if let nextHop = topology.nextHop(toward: connection.real) {
            let buffer = emissions.takeBuffer()
            ResetBuilder(source: (connection.local ?? connection.client, connection.local == nil ? connection.clientPort
                                    : connection.localPort),
                         destination: (connection.real, connection.realPort),
                         sequence: progress.endAcknowledgement, acknowledgement: 0, destinationMAC: nextHop,
                         sourceMAC: topology.realServerSide.mac).build(into: buffer)
            emissions.append(Emission(verdict: .reset, side: .realServer, time: time, frame: buffer))
        }
        let buffer = emissions.takeBuffer()
        ResetBuilder(source: (connection.virtual, connection.virtualPort),
                     destination: (connection.client, connection.clientPort),
                     sequence: progress.endSequence, acknowledgement: 0 &- delta,
                     destinationMAC: connection.fullNAT?.clientMAC ?? topology.clientRouter,
                     sourceMAC: topology.clientSide.mac).build(into: buffer)
        emissions.append(Emission(verdict: .reset, side: .client, time: time, frame: buffer))
    }

    /// Unhashes and frees an entry: the controlling template loses a child, the
    /// destination's counters drop (`ip_vs_unbind_dest`, which may clear the overload
    /// flag), a DPVS local port goes back to its pool.
    mutating func unlink(_ slot: Int32) {
        let connection = connections[slot]
        let index = connection.service
        if connection.isTemplate {
            services[index].destinations.unbind(connection.destination, template: true, inactive: false)
            connections.remove(slot, templateKey: connection.inboundKey)
            return
        }
        if let control = connection.control, connections.isLive(control) {
            connections[control].controlledCount -= 1
        }
        services[index].destinations.unbind(connection.destination, template: false,
                                            inactive: connection.flags.contains(.inactive))
        if let local = connection.local {
            localPorts.release(flavour: profile.flavour, port: connection.localPort, local: local, real: connection.real,
                               realPort: connection.realPort)
        }
        connections.remove(slot)
    }
}

import LVSConfig
import LVSWire

/// Creating entries: `tcp_conn_schedule` / `udp_conn_schedule`, `ip_vs_schedule` and
/// `ip_vs_sched_persist` (ip_vs_core.c), `ip_vs_conn_new` and `ip_vs_bind_dest`
/// (ip_vs_conn.c), plus the FULL-NAT local address and port.
extension Director {
    enum ScheduleOutcome {
        case scheduled(Int32)
        /// Not scheduled; `unreachable` when `ip_vs_leave` answers with ICMP port unreachable.
        case refused(DropReason, unreachable: Bool)
    }

    /// FTP data connections from port 20 are never scheduled (`FTPDATA`).
    static let ftpDataPort: UInt16 = 20
    static let ftpPort: UInt16 = 21

    mutating func schedule(_ input: Input) -> ScheduleOutcome {
        let parsed = input.parsed
        if parsed.isTCP, !mayOpenConnection(parsed.tcpFlags) { return .refused(.notSchedulable, unreachable: false) }
        guard let index = serviceIndex(for: parsed.ipProtocol, address: parsed.destination, port: parsed.destinationPort)
        else { return .refused(.noService, unreachable: false) }
        if parsed.sourcePort == Self.ftpDataPort { return .refused(.notSchedulable, unreachable: false) }
        if services[index].service.persistence != nil { return schedulePersistent(index, input) }
        guard let destination = pick(index, input) else { return .refused(.noRealServer, unreachable: true) }
        let port = services[index].destinations.servers[destination].port
        return createConnection(index, destination, input, realPort: port != 0 ? port : parsed.destinationPort,
                                control: nil)
    }

    /// Linux schedules on SYN without RST (any non-RST with `sloppy_tcp`; SYN+ACK too, for
    /// active FTP). DPVS and Alibaba schedule only a pure SYN.
    func mayOpenConnection(_ flags: TCPFlags) -> Bool {
        if profile.flavour != .linux {
            return flags.contains(.syn) && !flags.contains(.ack) && !flags.contains(.fin) && !flags.contains(.rst)
        }
        return !flags.contains(.rst) && (settings.sloppyTCP || flags.contains(.syn))
    }

    mutating func pick(_ index: Int, _ input: Input) -> Int? {
        let request = SchedulingRequest(clientAddress: input.parsed.source, clientPort: input.parsed.sourcePort,
                                        destinationAddress: input.parsed.destination, time: input.time)
        let destinations = services[index].destinations
        return services[index].scheduler.pick(from: destinations, for: request)
    }

    /// `ip_vs_sched_persist`: reuse the template of the client's network, or schedule and
    /// create one; the new entry is controlled by the template, whose timer restarts.
    mutating func schedulePersistent(_ index: Int, _ input: Input) -> ScheduleOutcome {
        let parsed = input.parsed
        let service = services[index].service
        guard let persistence = service.persistence else { return .refused(.noService, unreachable: false) }
        let servicePort = service.key.port
        let portedTemplate = parsed.destinationPort == servicePort && servicePort != Self.ftpPort
        let network = Self.mask(parsed.source, with: persistence.granularity)
        let key = FlowKey(parsed.ipProtocol, network, 0, parsed.destination, portedTemplate ? parsed.destinationPort : 0)
        var template = connections.template(key)
        if let existing = template, !templateIsValid(existing) {
            connections.unindexTemplate(existing, key: key)
            template = nil
        }
        if template == nil {
            guard let destination = pick(index, input) else { return .refused(.noRealServer, unreachable: true) }
            let server = services[index].destinations.servers[destination]
            var entry = Connection(
                ipProtocol: parsed.ipProtocol, client: network, clientPort: 0, virtual: parsed.destination,
                virtualPort: portedTemplate ? parsed.destinationPort : 0, real: server.address,
                realPort: portedTemplate ? server.port : 0, mode: server.mode, flags: [.template], service: index,
                destination: destination, now: input.time)
            entry.timeout = persistence.timeout
            services[index].destinations.bind(destination, template: true, inactive: false)
            template = connections.add(entry, hashed: false, templateKey: key)
        }
        guard let template else { return .refused(.noRealServer, unreachable: true) }
        let destination = connections[template].destination
        let serverPort = services[index].destinations.servers[destination].port
        let realPort = parsed.destinationPort == servicePort && serverPort != 0 ? serverPort : parsed.destinationPort
        let outcome = createConnection(index, destination, input, realPort: realPort, control: template)
        // ip_vs_conn_put(ct): the template's timer restarts with its own timeout.
        rearm(template, at: input.time)
        return outcome
    }

    /// `ip_vs_check_template`: the destination is still available and not quiescent with
    /// `expire_quiescent_template`.
    func templateIsValid(_ slot: Int32) -> Bool {
        let template = connections[slot]
        let destinations = services[template.service].destinations
        if !destinations.available[template.destination] { return false }
        return !(settings.expireQuiescentTemplates && destinations.weight[template.destination] == 0)
    }

    /// The client network of a template (`-M` netmask, IPv6 prefix).
    static func mask(_ address: IPAddress, with granularity: PersistenceGranularity) -> IPAddress {
        switch (address, granularity) {
        case let (.v4(a), .ipv4Netmask(mask)):
            return .v4(IPv4Address(rawValue: a.rawValue & mask.rawValue))
        case let (.v6(a), .ipv6PrefixLength(bits)):
            func keep(_ bits: Int) -> UInt64 { bits <= 0 ? 0 : bits >= 64 ? .max : ~(UInt64.max >> UInt64(bits)) }
            return .v6(IPv6Address(high: a.high & keep(bits), low: a.low & keep(bits - 64)))
        default:
            return address
        }
    }

    /// `ip_vs_conn_new` + `ip_vs_bind_dest`: a new entry starts inactive (the destination's
    /// conn_flags), NOOUTPUT for DR and TUN, one-packet for OPS services.
    mutating func createConnection(_ index: Int, _ destination: Int, _ input: Input, realPort: UInt16,
                                   control: Int32?) -> ScheduleOutcome {
        let parsed = input.parsed
        let server = services[index].destinations.servers[destination]
        var flags: ConnectionFlags = [.inactive]
        if server.mode == .directRouting || server.mode == .tunnel { flags.insert(.noOutput) }
        let onePacket = services[index].isOnePacket
        if onePacket { flags.insert(.onePacket) }
        var connection = Connection(
            ipProtocol: parsed.ipProtocol, client: parsed.source, clientPort: parsed.sourcePort,
            virtual: parsed.destination, virtualPort: parsed.destinationPort, real: server.address, realPort: realPort,
            mode: server.mode, flags: flags, service: index, destination: destination, now: input.time)
        connection.control = control
        if server.mode == .fullNAT {
            if let reason = bindLocalAddress(&connection, index, input) { return .refused(reason, unreachable: false) }
        }
        services[index].destinations.bind(destination, template: false, inactive: true)
        if let control { connections[control].controlledCount += 1 }
        return .scheduled(connections.add(connection, hashed: !onePacket))
    }

    /// FULL-NAT: a local address round robin over the service's (`ip_vs_get_laddr`), a
    /// local port from the flavour's allocator, the sequence delta of the client's SYN.
    mutating func bindLocalAddress(_ connection: inout Connection, _ index: Int, _ input: Input) -> DropReason? {
        let locals = services[index].service.localAddresses
        guard !locals.isEmpty else { return .noLocalAddress }
        let local = locals[services[index].nextLocalAddress % locals.count].address
        services[index].nextLocalAddress += 1
        let proto = connection.ipProtocol
        let (real, realPort) = (connection.real, connection.realPort)
        let allocated: UInt16?
        if profile.flavour == .alibaba {
            // The closure reads a copy of the table: `localPorts` is being modified.
            let table = connections
            allocated = localPorts.allocateAlibaba(range: settings.localPorts, local: local) {
                table.outbound(FlowKey(proto, real, realPort, local, $0)) != nil
            }
        } else {
            allocated = localPorts.allocateDPVS(range: settings.localPorts, local: local, real: real,
                                                realPort: realPort)
        }
        guard let port = allocated else { return .localPortsExhausted }
        connection.local = local
        connection.localPort = port
        var delta: UInt32 = 0
        if input.parsed.isTCP {
            let clientISN = input.frame.u32(at: input.parsed.transport + TCPView.Field.sequenceNumber)
            let isn = InitialSequenceNumber.compute(local: local, localPort: port, real: real, realPort: realPort,
                                                    secret: settings.hashSecret)
            delta = isn &- clientISN
        }
        connection.fullNAT = FullNATState(sequenceDelta: delta, clientMAC: input.parsed.sourceMAC)
        return nil
    }
}

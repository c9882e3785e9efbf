import LVSWire

/// The end of a virtual_server block: keepalived's defaults and checks (check_data.c),
/// then one service per key (a group gives several).
extension KeepalivedInterpreter {
    mutating func finish(_ draft: VirtualServerDraft, header: Header, at location: ConfigLocation) throws(ConfigError) {
        if draft.forwarding == nil, let server = draft.realServers.first(where: { $0.forwarding == nil }) {
            warnings.append(ConfigWarning(at: server.location, "no lvs_method for \(server.address); keepalived uses NAT"))
        }
        let locals = try localAddresses(draft)
        for (key, origin) in try keys(draft, header: header, at: location) {
            if let first = origins[key] {
                throw ConfigError(at: origin, "duplicate virtual server \(key) (first defined at \(first))")
            }
            var service = VirtualService(key: key, scheduler: draft.scheduler)
            service.schedulerFlags = schedulerFlags(draft)
            service.persistence = try persistence(draft, family: key.family)
            if case let .address(_, _, port) = key, port == 0, service.persistence == nil {
                // ipvsadm refuses it ("Zero port specified for non-persistent service").
                warnings.append(ConfigWarning(at: origin, "virtual server \(key) has port 0 but no "
                    + "persistence_timeout: a port-0 service takes only persistent connections"))
            }
            service.persistenceEngine = draft.persistenceEngine
            service.onePacket = onePacket(draft, key: key)
            service.synproxy = draft.synproxy
            service.localAddresses = locals
            service.realServers = try realServers(draft, key: key)
            service.sorryServer = try draft.sorryServer.map { server throws(ConfigError) in
                try realServer(server, draft: draft, key: key)
            }
            services.append(service)
            origins[key] = origin
        }
    }

    private func keys(
        _ draft: VirtualServerDraft, header: Header, at location: ConfigLocation
    ) throws(ConfigError) -> [(ServiceKey, ConfigLocation)] {
        switch header {
        case let .address(vip, port):
            if let family = draft.family, family != AddressFamily(of: vip) {
                throw ConfigError(at: location, "ip_family \(family) conflicts with virtual server address \(vip)")
            }
            return [(.address(draft.serviceProtocol, vip, port: port), location)]
        case let .fwmark(mark):
            return [(.fwmark(mark, draft.family ?? inferredFamily(draft)), location)]
        case let .group(name):
            return (groups[name.text] ?? []).map { entry in
                switch entry {
                case let .address(vip, port, at): (.address(draft.serviceProtocol, vip, port: port), at)
                case let .fwmark(mark, family, at): (.fwmark(mark, family ?? draft.family ?? inferredFamily(draft)), at)
                }
            }
        }
    }

    /// A fwmark service without `ip_family` takes the family of its first non-tunnelled
    /// real server, else of its first real server, else IPv4 (check_parser.c vs_end_handler).
    private func inferredFamily(_ draft: VirtualServerDraft) -> AddressFamily {
        let direct = draft.realServers.first { ($0.forwarding ?? draft.forwarding)?.mode != .tunnel }
        return (direct ?? draft.realServers.first).map { AddressFamily(of: $0.address) } ?? .ipv4
    }

    private mutating func schedulerFlags(_ draft: VirtualServerDraft) -> SchedulerFlags {
        var flags: SchedulerFlags = []
        for token in draft.flags {
            switch SchedulerFlags.parse(token.text, for: draft.scheduler) {
            case let .success(flag)?: flags.insert(flag)
            case let .failure(problem)?:
                warn(token, "\(token.text) only applies to the \(problem.needs) scheduler (ignored)")
            case nil: break
            }
        }
        return flags
    }

    private func persistence(_ draft: VirtualServerDraft, family: AddressFamily) throws(ConfigError) -> Persistence? {
        // A granularity alone makes the service persistent with the default timeout.
        let timeout = draft.persistenceTimeout
            ?? (draft.granularity == nil ? nil : Persistence.keepalivedDefaultTimeout)
        guard let timeout, timeout > 0 else { return nil }
        let granularity = try draft.granularity.map { token throws(ConfigError) in
            try PersistenceGranularity.parse(token.text, family: family, at: token.location)
        } ?? .exact(family)
        return Persistence(timeout: timeout, granularity: granularity)
    }

    /// The kernel clears `IP_VS_SVC_F_ONEPACKET` on TCP and SCTP services.
    private mutating func onePacket(_ draft: VirtualServerDraft, key: ServiceKey) -> Bool {
        guard let ops = draft.ops else { return false }
        if let proto = key.serviceProtocol, proto != .udp {
            warn(ops, "ops applies only to UDP services; the kernel ignores it for \(proto)")
            return false
        }
        return true
    }

    private func localAddresses(_ draft: VirtualServerDraft) throws(ConfigError) -> [LocalAddress] {
        guard let name = draft.localAddressGroup else { return [] }
        guard let locals = localGroups[name.text] else {
            throw ConfigError(at: name.location, "unknown local_address_group \"\(name.text)\"")
        }
        return locals
    }

    private mutating func realServers(_ draft: VirtualServerDraft, key: ServiceKey) throws(ConfigError) -> [RealServer] {
        var servers: [RealServer] = []
        for draftServer in draft.realServers {
            let server = try realServer(draftServer, draft: draft, key: key)
            if servers.contains(where: { $0.address == server.address && $0.port == server.port }) {
                warnings.append(ConfigWarning(at: draftServer.location,
                    "real server \(server.address.withPort(server.port)) is duplicated; keepalived keeps the first"))
                continue
            }
            servers.append(server)
        }
        return servers
    }

    private func realServer(
        _ server: RealServerDraft, draft: VirtualServerDraft, key: ServiceKey
    ) throws(ConfigError) -> RealServer {
        let forwarding = server.forwarding ?? draft.forwarding ?? ForwardingSpec(mode: .nat, tunnel: nil)
        if forwarding.mode != .tunnel, AddressFamily(of: server.address) != key.family {
            throw ConfigError(at: server.location, "real server \(server.address) is \(AddressFamily(of: server.address))"
                + " but virtual server \(key) is \(key.family); only TUN may mix families")
        }
        return RealServer(
            address: server.address, port: server.port ?? key.port, mode: forwarding.mode, weight: server.weight,
            upperThreshold: server.upperThreshold, lowerThreshold: server.lowerThreshold, tunnel: forwarding.tunnel,
            inhibitOnFailure: server.inhibitOnFailure ?? draft.inhibitOnFailure)
    }
}

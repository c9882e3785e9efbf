import LVSWire

/// `-A`, `-E`, `-D`: virtual services and their attributes.
extension IpvsadmTable {
    mutating func addService(_ command: IpvsadmCommand) throws(ConfigError) {
        let (key, keyToken) = try serviceKey(command)
        if index[key] != nil {
            let first = origins[key].map { " (first defined at line \($0.line))" } ?? ""
            throw ConfigError(at: keyToken.location, "duplicate service \(key.ipvsadmSpec)\(first)")
        }
        let service = try serviceAttributes(command, key: key, keyToken: keyToken)
        index[key] = services.count
        services.append(service)
        origins[key] = command.location
    }

    /// `-E` replaces every attribute of the service (ipvsadm builds the whole service
    /// from the line, with defaults for what is missing); destinations stay.
    mutating func editService(_ command: IpvsadmCommand) throws(ConfigError) {
        let (key, keyToken) = try serviceKey(command)
        let position = try existingIndex(key, for: command, "edit")
        var edited = try serviceAttributes(command, key: key, keyToken: keyToken)
        edited.realServers = services[position].realServers
        edited.localAddresses = services[position].localAddresses
        services[position] = edited
    }

    mutating func deleteService(_ command: IpvsadmCommand) throws(ConfigError) {
        let (key, _) = try serviceKey(command)
        let position = try existingIndex(key, for: command, "delete")
        services.remove(at: position)
        origins[key] = nil
        rebuildIndex()
    }

    /// The service the line names with `-t`, `-u`, `--sctp-service` or `-f` (and `-6`).
    func serviceKey(_ command: IpvsadmCommand) throws(ConfigError) -> (ServiceKey, IpvsadmToken) {
        let named = command.options.filter { Self.serviceKeyOptions.contains($0.option.long) && $0.option.long != "ipv6" }
        guard let given = named.first, let value = given.value else {
            throw ConfigError(at: command.commandToken.location,
                              "\(command.commandToken.text) needs a service (-t, -u, --sctp-service or -f)")
        }
        if named.count > 1 {
            throw ConfigError(at: named[1].token.location, "more than one service on one line")
        }
        let ipv6 = command.given("ipv6")
        let key: ServiceKey
        switch given.option.long {
        case "fwmark-service":
            let mark = try ConfigNumber.parse(value.text, in: 1...Int(UInt32.max), what: "fwmark", at: value.location)
            key = .fwmark(UInt32(mark), ipv6 == nil ? .ipv4 : .ipv6)
        case "tcp-service", "udp-service", "sctp-service":
            let proto: ServiceProtocol = given.option.long == "tcp-service" ? .tcp
                : given.option.long == "udp-service" ? .udp : .sctp
            let endpoint = try IpvsadmEndpoint.parse(value, what: "virtual address")
            key = .address(proto, endpoint.address, port: endpoint.port ?? 0)
            if let ipv6 { throw ConfigError(at: ipv6.token.location, "-6 applies only to fwmark services (-f)") }
        default:
            throw ConfigError(at: given.token.location,
                              "\(given.token.text) services (ICMP or DPVS match) are not supported")
        }
        return (key, value)
    }

    /// A service with the attributes of an `-A`/`-E` line and no destinations.
    mutating func serviceAttributes(
        _ command: IpvsadmCommand, key: ServiceKey, keyToken: IpvsadmToken
    ) throws(ConfigError) -> VirtualService {
        var service = VirtualService(key: key)
        if let name = command.value("scheduler") { service.scheduler = try Self.scheduler(name) }
        service.persistence = try persistence(command, family: key.family)
        if let flags = command.value("sched-flags") {
            service.schedulerFlags = try Self.schedulerFlags(flags, scheduler: service.scheduler)
        }
        if let ops = command.given("ops") {
            guard key.serviceProtocol == .udp || key.fwmark != nil else {
                throw ConfigError(at: ops.token.location, "one-packet scheduling (-o) is only for UDP services")
            }
            service.onePacket = true
        }
        service.persistenceEngine = command.value("pe")?.text
        if let synproxy = command.value("synproxy") {
            guard synproxy.text == "enable" || synproxy.text == "disable" else {
                throw ConfigError(at: synproxy.location, "synproxy (-j) must be enable or disable, not \"\(synproxy.text)\"")
            }
            service.synproxy = synproxy.text == "enable"
        }
        for given in command.options where Self.unmodelledServiceOptions.contains(given.option.long) {
            warn(given.token, "\(given.token.text) is a DPVS setting lvscope does not model; ignored")
        }
        if key.fwmark == nil, key.port == 0, service.persistence == nil {
            // `2001:db8::10:80` is an IPv6 address without a port, as ipvsadm reads it too.
            let hint = keyToken.text.filter({ $0 == ":" }).count > 1 && !keyToken.text.hasPrefix("[")
                ? "; an IPv6 service with a port is written [ADDRESS]:PORT" : ""
            throw ConfigError(at: keyToken.location, "port 0 is allowed only for persistent services (-p)" + hint)
        }
        return service
    }

    static func scheduler(_ token: IpvsadmToken) throws(ConfigError) -> SchedulerKind {
        guard let scheduler = SchedulerKind(name: token.text) else {
            throw ConfigError(at: token.location, "unknown scheduler \"\(token.text)\"")
        }
        return scheduler
    }

    private mutating func persistence(
        _ command: IpvsadmCommand, family: AddressFamily
    ) throws(ConfigError) -> Persistence? {
        let mask = command.value("netmask")
        guard let persistent = command.given("persistent") else {
            // ipvsadm accepts -M without -p; the mask then has no effect.
            if let mask { warn(mask, "netmask \(mask.text) has no effect without -p") }
            return nil
        }
        let timeout = try persistent.value.map { token throws(ConfigError) in
            try ConfigNumber.parse(token.text, in: 1...Persistence.maximumTimeout, what: "persistence timeout",
                                   at: token.location)
        } ?? Persistence.ipvsadmDefaultTimeout
        let granularity = try mask.map { token throws(ConfigError) in
            try PersistenceGranularity.parse(token.text, family: family, at: token.location)
        } ?? .exact(family)
        return Persistence(timeout: timeout, granularity: granularity)
    }

    static func schedulerFlags(_ token: IpvsadmToken, scheduler: SchedulerKind) throws(ConfigError) -> SchedulerFlags {
        var flags: SchedulerFlags = []
        for name in token.text.split(separator: ",", omittingEmptySubsequences: false) {
            switch SchedulerFlags.parse(String(name), for: scheduler) {
            case let .success(flag)?: flags.insert(flag)
            case let .failure(problem)?:
                throw ConfigError(at: token.location,
                                  "scheduler flag \"\(name)\" needs scheduler \(problem.needs), not \(scheduler)")
            case nil:
                throw ConfigError(at: token.location, "unknown scheduler flag \"\(name)\"")
            }
        }
        return flags
    }
}

import LVSWire

/// `-a`, `-e`, `-d`: destinations of a service.
extension IpvsadmTable {
    mutating func addServer(_ command: IpvsadmCommand) throws(ConfigError) {
        let (key, _) = try serviceKey(command)
        let position = try existingIndex(key, for: command, "real server")
        let (server, token) = try realServer(command, service: services[position])
        if services[position].realServers.contains(where: { $0.address == server.address && $0.port == server.port }) {
            throw ConfigError(at: token.location,
                              "real server \(server.address.withPort(server.port)) already in service \(key.ipvsadmSpec)")
        }
        services[position].realServers.append(server)
    }

    /// `-e` replaces the destination's settings with the line's (defaults for the rest).
    mutating func editServer(_ command: IpvsadmCommand) throws(ConfigError) {
        let (key, _) = try serviceKey(command)
        let position = try existingIndex(key, for: command, "edit of real server")
        let (server, token) = try realServer(command, service: services[position])
        guard let slot = services[position].realServers.firstIndex(where: {
            $0.address == server.address && $0.port == server.port
        }) else {
            throw ConfigError(at: token.location,
                              "real server \(server.address.withPort(server.port)) not in service \(key.ipvsadmSpec)")
        }
        services[position].realServers[slot] = server
    }

    mutating func deleteServer(_ command: IpvsadmCommand) throws(ConfigError) {
        let (key, _) = try serviceKey(command)
        let position = try existingIndex(key, for: command, "delete of real server")
        guard let token = command.value("real-server") else {
            throw ConfigError(at: command.commandToken.location, "-d needs a real server (-r)")
        }
        let endpoint = try IpvsadmEndpoint.parse(token, what: "real server address")
        // Without a forwarding option ipvsadm assumes -g, which uses the service port.
        guard let slot = services[position].realServers.firstIndex(where: {
            $0.address == endpoint.address && (endpoint.port == nil || $0.port == endpoint.port || !$0.mode.mapsPorts)
        }) else {
            throw ConfigError(at: token.location, "real server \(token.text) not in service \(key.ipvsadmSpec)")
        }
        services[position].realServers.remove(at: slot)
    }

    /// The destination an `-a`/`-e` line describes, and the `-r` word for messages.
    mutating func realServer(
        _ command: IpvsadmCommand, service: VirtualService
    ) throws(ConfigError) -> (RealServer, IpvsadmToken) {
        guard let token = command.value("real-server") else {
            throw ConfigError(at: command.commandToken.location,
                              "\(command.commandToken.text) needs a real server (-r)")
        }
        let endpoint = try IpvsadmEndpoint.parse(token, what: "real server address")
        let mode = try Self.forwardingMode(command)
        let port = realServerPort(endpoint, mode: mode, service: service, token: token)
        if mode != .tunnel, AddressFamily(of: endpoint.address) != service.family {
            throw ConfigError(at: token.location,
                              "real server \(endpoint.address) is \(AddressFamily(of: endpoint.address)) but the "
                                  + "service is \(service.family); only tunnelling (-i) may mix families")
        }
        let server = RealServer(
            address: endpoint.address, port: port, mode: mode,
            weight: try number(command, "weight", 0...RealServer.maximumWeight) ?? 1,
            upperThreshold: try number(command, "u-threshold", 0...Int(Int32.max)) ?? 0,
            lowerThreshold: try number(command, "l-threshold", 0...Int(Int32.max)) ?? 0,
            tunnel: try Self.tunnelOptions(command, mode: mode),
            requestedPort: endpoint.port.flatMap { $0 == port ? nil : $0 })
        return (server, token)
    }

    /// ipvsadm copies the service port when `-r` has none, and forces it for `-g`/`-i`
    /// on address services because DR and TUN cannot change the port on the wire.
    private mutating func realServerPort(
        _ endpoint: IpvsadmEndpoint, mode: ForwardingMode, service: VirtualService, token: IpvsadmToken
    ) -> UInt16 {
        let servicePort = service.key.port
        guard let given = endpoint.port else { return servicePort }
        if !mode.mapsPorts, service.key.fwmark == nil, given != servicePort {
            warn(token, "port \(given) ignored: ipvsadm uses the service port \(servicePort) for \(mode.ipvsadmFlag)")
            return servicePort
        }
        return given
    }

    private func number(
        _ command: IpvsadmCommand, _ long: String, _ range: ClosedRange<Int>
    ) throws(ConfigError) -> Int? {
        guard let given = command.given(long), let value = given.value else { return nil }
        let what = long == "weight" ? "weight" : long == "u-threshold" ? "upper threshold" : "lower threshold"
        return try ConfigNumber.parse(value.text, in: range, what: what, at: value.location)
    }

    static func forwardingMode(_ command: IpvsadmCommand) throws(ConfigError) -> ForwardingMode {
        let modes: [String: ForwardingMode] = [
            "gatewaying": .directRouting, "ipip": .tunnel, "masquerading": .nat, "fullnat": .fullNAT,
        ]
        let given = command.options.filter { modes[$0.option.long] != nil || $0.option.long == "snat" }
        if given.count > 1 {
            throw ConfigError(at: given[1].token.location,
                              "more than one forwarding method (\(given[0].token.text) and \(given[1].token.text))")
        }
        guard let first = given.first else { return .directRouting }
        guard let mode = modes[first.option.long] else {
            throw ConfigError(at: first.token.location, "DPVS SNAT forwarding (-J) is not supported")
        }
        return mode
    }

    static func tunnelOptions(_ command: IpvsadmCommand, mode: ForwardingMode) throws(ConfigError) -> TunnelOptions? {
        let given = command.options.filter { $0.option.long.hasPrefix("tun-") }
        guard mode == .tunnel else {
            if let first = given.first {
                throw ConfigError(at: first.token.location, "\(first.token.text) needs tunnelling (-i)")
            }
            return nil
        }
        var options = TunnelOptions.ipip
        if let type = command.value("tun-type") {
            guard let parsed = TunnelType(rawValue: type.text) else {
                throw ConfigError(at: type.location, "unknown tunnel type \"\(type.text)\" (ipip, gue or gre)")
            }
            options.type = parsed
        }
        if let port = command.value("tun-port") {
            options.port = UInt16(try ConfigNumber.parse(port.text, in: 1...65535, what: "tunnel port", at: port.location))
        }
        let checksums = given.filter { ["tun-nocsum", "tun-csum", "tun-remcsum"].contains($0.option.long) }
        if checksums.count > 1 {
            throw ConfigError(at: checksums[1].token.location,
                              "\(checksums[1].token.text) conflicts with \(checksums[0].token.text)")
        }
        if let checksum = checksums.first {
            options.checksum = TunnelChecksum(rawValue: String(checksum.option.long.dropFirst(4))) ?? .none
        }
        if let problem = options.problem {
            let at = command.given("tun-type")?.token ?? command.given("ipip")?.token ?? command.commandToken
            throw ConfigError(at: at.location, problem)
        }
        return options
    }
}

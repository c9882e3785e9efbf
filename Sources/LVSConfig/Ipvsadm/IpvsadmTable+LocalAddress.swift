/// DPVS `-P|--add-laddr` and `-Q|--del-laddr` (`-z LIP [-F IFACE]`), and `--set`.
extension IpvsadmTable {
    mutating func addLocalAddress(_ command: IpvsadmCommand) throws(ConfigError) {
        let (key, _) = try serviceKey(command)
        let position = try existingIndex(key, for: command, "local address")
        let (local, token) = try localAddress(command)
        if services[position].localAddresses.contains(where: { $0.address == local.address }) {
            throw ConfigError(at: token.location, "local address \(local.address) already in service \(key.ipvsadmSpec)")
        }
        services[position].localAddresses.append(local)
    }

    mutating func deleteLocalAddress(_ command: IpvsadmCommand) throws(ConfigError) {
        let (key, _) = try serviceKey(command)
        let position = try existingIndex(key, for: command, "delete of local address")
        let (local, token) = try localAddress(command)
        guard let slot = services[position].localAddresses.firstIndex(where: { $0.address == local.address }) else {
            throw ConfigError(at: token.location, "local address \(local.address) not in service \(key.ipvsadmSpec)")
        }
        services[position].localAddresses.remove(at: slot)
    }

    private func localAddress(_ command: IpvsadmCommand) throws(ConfigError) -> (LocalAddress, IpvsadmToken) {
        guard let token = command.value("laddr") else {
            throw ConfigError(at: command.commandToken.location,
                              "\(command.commandToken.text) needs a local address (-z)")
        }
        let endpoint = try IpvsadmEndpoint.parse(token, what: "local address")
        return (LocalAddress(address: endpoint.address, interface: command.value("ifname")?.text), token)
    }

    /// `--set TCP TCPFIN UDP` (seconds; 0 keeps the current value).
    mutating func setTimeouts(_ command: IpvsadmCommand) throws(ConfigError) {
        guard command.arguments.count == 3 else {
            throw ConfigError(at: command.commandToken.location, "--set needs three timeouts: tcp tcpfin udp")
        }
        var values: [Int] = []
        for token in command.arguments {
            values.append(try ConfigNumber.parse(token.text, in: 0...Persistence.maximumTimeout, what: "timeout",
                                                 at: token.location))
        }
        timeoutOverrides = TimeoutOverrides(tcpEstablished: values[0], tcpFinWait: values[1], udp: values[2])
    }
}

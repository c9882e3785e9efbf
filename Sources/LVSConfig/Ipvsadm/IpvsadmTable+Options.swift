/// Which options each command accepts (ipvsadm's `commands_v_options` table, with the
/// DPVS additions), so that e.g. `-w` on an `-A` line is reported rather than ignored.
extension IpvsadmTable {
    static let serviceKeyOptions: Set<String> = [
        "tcp-service", "udp-service", "sctp-service", "fwmark-service", "icmp-service", "icmpv6-service",
        "match", "ipv6",
    ]
    static let serviceOptions: Set<String> = [
        "scheduler", "persistent", "netmask", "sched-flags", "ops", "pe", "synproxy",
    ]
    /// DPVS service options that do not change forwarding as lvscope models it.
    static let unmodelledServiceOptions: Set<String> = [
        "hash-target", "expire-quiescent", "dest-check", "conn-timeout", "proxy-protocol", "quic", "cpu",
    ]
    static let serverOptions: Set<String> = [
        "real-server", "gatewaying", "ipip", "masquerading", "fullnat", "snat", "weight", "u-threshold",
        "l-threshold", "tun-type", "tun-port", "tun-nocsum", "tun-csum", "tun-remcsum",
    ]
    static let daemonOptions: Set<String> = [
        "mcast-interface", "syncid", "mcast-group", "mcast-port", "mcast-ttl", "sync-maxlen",
    ]

    static func allowedOptions(for kind: IpvsadmCommandKind) -> Set<String>? {
        switch kind {
        case .addService, .editService: serviceKeyOptions.union(serviceOptions).union(unmodelledServiceOptions)
        case .deleteService, .zero: serviceKeyOptions
        case .addServer, .editServer: serviceKeyOptions.union(serverOptions)
        case .deleteServer: serviceKeyOptions.union(["real-server"])
        case .addLocalAddress, .deleteLocalAddress: serviceKeyOptions.union(["laddr", "ifname", "cpu"])
        case .clear, .setTimeouts: []
        case .startDaemon, .stopDaemon: daemonOptions
        case .accessList, .query: nil
        }
    }

    func checkOptions(_ command: IpvsadmCommand) throws(ConfigError) {
        guard let allowed = Self.allowedOptions(for: command.kind) else { return }
        for given in command.options where !allowed.contains(given.option.long) {
            throw ConfigError(at: given.token.location,
                              "option \(given.token.text) is not valid with \(command.commandToken.text)")
        }
        if command.kind != .setTimeouts, let extra = command.arguments.first {
            throw ConfigError(at: extra.location, "unexpected argument \"\(extra.text)\"")
        }
    }
}

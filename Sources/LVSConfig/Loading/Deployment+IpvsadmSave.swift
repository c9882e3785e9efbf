/// Canonical `ipvsadm-save -n` text for a deployment, in the layout of ipvsadm 1.31's
/// `print_service_entry` with `FMT_RULE`. It also writes what upstream does not save but
/// the model holds, so that `IpvsadmParser` reads back an equal deployment: thresholds
/// (`-x`/`-y`), DPVS FULL-NAT (`-b`), SYN proxy (`-j enable`), local addresses (`-P`),
/// and `--set` timeouts. keepalived-only settings (inhibit_on_failure, sorry servers)
/// have no ipvsadm form and are left out.
extension Deployment {
    public func ipvsadmSave() -> String {
        var lines: [String] = []
        if let overrides = timeoutOverrides {
            lines.append("--set \(overrides.tcpEstablished) \(overrides.tcpFinWait) \(overrides.udp)")
        }
        for service in services {
            lines.append(Self.serviceLine(service))
            for server in service.realServers {
                lines.append(Self.serverLine(server, of: service))
            }
            for local in service.localAddresses {
                let interface = local.interface.map { " -F \($0)" } ?? ""
                lines.append("-P \(service.key.ipvsadmSpec) -z \(local.address)\(interface)")
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    static func serviceLine(_ service: VirtualService) -> String {
        var line = "-A \(service.key.ipvsadmSpec) -s \(service.scheduler)"
        if let persistence = service.persistence {
            line += " -p \(persistence.timeout)"
            if !persistence.granularity.isExact(for: service.family) {
                line += " -M \(persistence.granularity.ipvsadmText)"
            }
        }
        if let engine = service.persistenceEngine { line += " --pe \(engine)" }
        if service.onePacket { line += " -o" }
        if !service.schedulerFlags.isEmpty {
            line += " -b " + service.schedulerFlags.names(for: service.scheduler).joined(separator: ",")
        }
        if service.synproxy { line += " -j enable" }
        return line
    }

    static func serverLine(_ server: RealServer, of service: VirtualService) -> String {
        var line = "-a \(service.key.ipvsadmSpec) -r \(server.address.withPort(server.port))"
        line += " \(server.mode.ipvsadmFlag) -w \(server.weight)"
        if server.upperThreshold > 0 { line += " -x \(server.upperThreshold)" }
        if server.lowerThreshold > 0 { line += " -y \(server.lowerThreshold)" }
        if let tunnel = server.tunnel {
            line += " --tun-type \(tunnel.type)"
            if let port = tunnel.port { line += " --tun-port \(port)" }
            // ipvsadm prints the checksum option for gue and gre, never for ipip.
            if tunnel.type != .ipip { line += " \(tunnel.checksum.ipvsadmOption)" }
        }
        return line
    }
}

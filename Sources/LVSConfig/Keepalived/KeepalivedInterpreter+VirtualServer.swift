import LVSWire

/// `virtual_server ADDR [PORT] | fwmark N | group NAME { ... }`: the statements of the block.
extension KeepalivedInterpreter {
    enum Header {
        case address(IPAddress, UInt16)
        case fwmark(UInt32)
        case group(KeepalivedToken)
    }

    mutating func virtualServer(_ node: KeepalivedNode) throws(ConfigError) {
        let header = try self.header(node)
        guard let block = node.block else {
            throw ConfigError(at: node.keyword.location, "virtual_server needs a { } block")
        }
        var draft = VirtualServerDraft()
        for statement in block {
            try apply(statement, to: &draft)
        }
        try finish(draft, header: header, at: node.location)
    }

    private func header(_ node: KeepalivedNode) throws(ConfigError) -> Header {
        guard let first = node.arguments.first else {
            throw ConfigError(at: node.location, "virtual_server needs an address and port, fwmark N or group NAME")
        }
        switch first.text {
        case "fwmark":
            let mark = try value(node, at: 2)
            return .fwmark(UInt32(try ConfigNumber.parse(mark.text, in: 1...Int(UInt32.max), what: "fwmark",
                                                         at: mark.location)))
        case "group":
            let name = try value(node, at: 2)
            guard groups[name.text] != nil else {
                throw ConfigError(at: name.location, "unknown virtual_server_group \"\(name.text)\"")
            }
            return .group(name)
        default:
            let vip = try address(first, what: "virtual server address")
            // keepalived allows the port to be left out: a port-0 (persistent) service.
            let port = node.words.count > 2 ? try self.port(node.words[2]) : 0
            return .address(vip, port)
        }
    }

    /// One case per keyword of check_parser.c's virtual_server level.
    private mutating func apply(_ statement: KeepalivedNode, to draft: inout VirtualServerDraft) throws(ConfigError) {
        let keyword = statement.keyword.text
        switch keyword {
        case "lb_algo", "lvs_sched": draft.scheduler = try scheduler(statement) ?? draft.scheduler
        case "lb_kind", "lvs_method":
            draft.forwarding = try forwarding(statement) ?? draft.forwarding
        case "protocol":
            draft.serviceProtocol = try serviceProtocol(statement)
        case "persistence_timeout": draft.persistenceTimeout = try persistenceTimeout(statement)
        case "persistence_granularity": draft.granularity = try value(statement)
        case "persistence_engine": draft.persistenceEngine = try value(statement).text
        case "ops": draft.ops = statement.keyword
        case "ip_family": draft.family = try family(statement)
        case "syn_proxy": draft.synproxy = true
        case "laddr_group_name": draft.localAddressGroup = try value(statement)
        case "inhibit_on_failure": draft.inhibitOnFailure = try flag(statement)
        case "real_server": draft.realServers.append(try realServer(statement))
        case "sorry_server", "sorry_server_inhibit", "sorry_server_lvs_method":
            try applySorry(statement, to: &draft)
        case _ where KeepalivedKeywords.schedulerFlags.contains(keyword):
            draft.flags.append(statement.keyword)
        case _ where KeepalivedKeywords.unmodelledVirtualServer.contains(keyword):
            break
        default:
            warnUnknown(statement, in: "virtual_server")
        }
    }

    /// An unknown name is only a warning in keepalived, which keeps its default (wlc).
    private mutating func scheduler(_ statement: KeepalivedNode) throws(ConfigError) -> SchedulerKind? {
        let name = try value(statement)
        guard let scheduler = SchedulerKind(name: name.text) else {
            warn(name, "unknown scheduler \"\(name.text)\" (keepalived ignores it and uses wlc)")
            return nil
        }
        return scheduler
    }

    /// The virtual server's inhibit_on_failure is for real servers; the sorry server has
    /// its own sorry_server_inhibit.
    private mutating func applySorry(_ statement: KeepalivedNode, to draft: inout VirtualServerDraft) throws(ConfigError) {
        let keyword = statement.keyword.text
        if keyword == "sorry_server" {
            draft.sorryServer = try serverHeader(statement)
            draft.sorryServer?.inhibitOnFailure = false
            return
        }
        guard var sorry = draft.sorryServer else {
            warn(statement.keyword, "\(keyword) before any sorry_server (ignored)")
            return
        }
        if keyword == "sorry_server_inhibit" {
            sorry.inhibitOnFailure = true
        } else {
            sorry.forwarding = try forwarding(statement) ?? sorry.forwarding
        }
        draft.sorryServer = sorry
    }

    mutating func warnUnknown(_ statement: KeepalivedNode, in block: String) {
        let keyword = statement.keyword.text
        let hint = KeepalivedKeywords.tunnelHints[keyword].map { "; \($0)" } ?? ""
        warn(statement.keyword, "unknown keyword \"\(keyword)\" in \(block) (skipped)\(hint)")
    }

    /// No value means keepalived's 6 minutes; 0 means not persistent.
    private func persistenceTimeout(_ statement: KeepalivedNode) throws(ConfigError) -> Int {
        guard let token = statement.arguments.first else { return Persistence.keepalivedDefaultTimeout }
        return try ConfigNumber.parse(token.text, in: 0...Persistence.maximumTimeout, what: statement.keyword.text,
                                      at: token.location)
    }

    private func family(_ statement: KeepalivedNode) throws(ConfigError) -> AddressFamily {
        let family = try value(statement)
        guard family.text == "inet" || family.text == "inet6" else {
            throw ConfigError(at: family.location, "ip_family must be inet or inet6, not \"\(family.text)\"")
        }
        return family.text == "inet" ? .ipv4 : .ipv6
    }

    private func serviceProtocol(_ statement: KeepalivedNode) throws(ConfigError) -> ServiceProtocol {
        let token = try value(statement)
        guard let proto = ServiceProtocol(rawValue: token.text.lowercased()) else {
            throw ConfigError(at: token.location, "unknown protocol \"\(token.text)\" (TCP, UDP or SCTP)")
        }
        return proto
    }
}

import LVSWire

/// `real_server ADDR [PORT] { ... }`, `sorry_server ADDR [PORT]` and `lvs_method`.
extension KeepalivedInterpreter {
    func serverHeader(_ statement: KeepalivedNode) throws(ConfigError) -> RealServerDraft {
        let what = "\(statement.keyword.text.replacing("_", with: " ")) address"
        let address = try address(try value(statement), what: what)
        let port = statement.words.count > 2 ? try self.port(statement.words[2]) : nil
        return RealServerDraft(address: address, port: port, location: statement.location)
    }

    mutating func realServer(_ statement: KeepalivedNode) throws(ConfigError) -> RealServerDraft {
        var server = try serverHeader(statement)
        for setting in statement.block ?? [] {
            let keyword = setting.keyword.text
            switch keyword {
            case "weight": server.weight = try number(setting, 0...RealServer.maximumWeight)
            case "lvs_method", "lb_kind": server.forwarding = try forwarding(setting) ?? server.forwarding
            case "uthreshold": server.upperThreshold = try number(setting, 0...Int(UInt32.max))
            case "lthreshold": server.lowerThreshold = try number(setting, 0...Int(UInt32.max))
            case "inhibit_on_failure": server.inhibitOnFailure = try flag(setting)
            case _ where KeepalivedKeywords.checkers.contains(keyword): break
            case _ where KeepalivedKeywords.unmodelledRealServer.contains(keyword): break
            default: warnUnknown(setting, in: "real_server")
            }
        }
        return server
    }

    /// `lvs_method NAT|DR|TUN|FNAT [type ipip|gue|gre] [port N] [nocsum|csum|remcsum]`.
    /// nil for a method keepalived does not know (it warns and keeps the previous one).
    mutating func forwarding(_ statement: KeepalivedNode) throws(ConfigError) -> ForwardingSpec? {
        let method = try value(statement)
        let modes: [String: ForwardingMode] = ["NAT": .nat, "DR": .directRouting, "TUN": .tunnel, "FNAT": .fullNAT]
        guard let mode = modes[method.text] else {
            if method.text == "SNAT" { throw ConfigError(at: method.location, "DPVS SNAT forwarding is not supported") }
            warn(method, "unknown \(statement.keyword.text) \"\(method.text)\" (keepalived ignores it; NAT, DR, TUN or FNAT)")
            return nil
        }
        let options = Array(statement.words.dropFirst(2))
        guard !options.isEmpty else { return ForwardingSpec(mode: mode, tunnel: mode == .tunnel ? .ipip : nil) }
        guard mode == .tunnel else {
            throw ConfigError(at: options[0].location, "tunnel options need \(statement.keyword.text) TUN")
        }
        let tunnel = try tunnelOptions(options)
        if let problem = tunnel.problem { throw ConfigError(at: method.location, problem) }
        return ForwardingSpec(mode: mode, tunnel: tunnel)
    }

    private func tunnelOptions(_ words: [KeepalivedToken]) throws(ConfigError) -> TunnelOptions {
        var tunnel = TunnelOptions.ipip
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if let checksum = TunnelChecksum(rawValue: word.text) {
                tunnel.checksum = checksum
                continue
            }
            guard word.text == "type" || word.text == "port" else {
                throw ConfigError(at: word.location, "unknown tunnel option \"\(word.text)\"")
            }
            guard index < words.count else { throw ConfigError(at: word.location, "tunnel \(word.text) needs a value") }
            let argument = words[index]
            index += 1
            if word.text == "port" {
                tunnel.port = UInt16(try ConfigNumber.parse(argument.text, in: 1...65535, what: "tunnel port",
                                                            at: argument.location))
            } else if let type = TunnelType(rawValue: argument.text) {
                tunnel.type = type
            } else {
                throw ConfigError(at: argument.location, "unknown tunnel type \"\(argument.text)\" (ipip, gue or gre)")
            }
        }
        return tunnel
    }
}

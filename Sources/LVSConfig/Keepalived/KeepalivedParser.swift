import LVSWire

/// Reads the LVS part of keepalived.conf (acassen/keepalived check_parser.c, plus the
/// DPVS fork's FULL-NAT keywords): `virtual_server` blocks with their `real_server`s,
/// `virtual_server_group` and `local_address_group`. Other blocks (global_defs,
/// vrrp_instance, ...) and health checkers are skipped structurally. Unknown keywords
/// become warnings, as keepalived only warns about them; broken structure, missing
/// values and bad numbers are errors.
public enum KeepalivedParser {
    public static func parse(path: String) throws(ConfigError) -> Deployment {
        try parse(try ConfigFile.read(path), file: path)
    }

    /// `file` names the text in messages and anchors relative `include` patterns.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> Deployment {
        var reader = KeepalivedReader()
        let tokens = try reader.read(text: text, file: file)
        let tree = try KeepalivedNode.tree(of: tokens)
        var interpreter = KeepalivedInterpreter(file: file, warnings: reader.warnings)
        try interpreter.run(tree)
        var deployment = interpreter.deployment
        deployment.includedFiles = reader.included
        return deployment
    }
}

/// Walks the statement tree and builds the services.
struct KeepalivedInterpreter {
    enum GroupEntry {
        case address(IPAddress, port: UInt16, ConfigLocation)
        case fwmark(UInt32, AddressFamily?, ConfigLocation)
    }

    var file: String
    var warnings: [ConfigWarning]
    var services: [VirtualService] = []
    var origins: [ServiceKey: ConfigLocation] = [:]
    var groups: [String: [GroupEntry]] = [:]
    var localGroups: [String: [LocalAddress]] = [:]

    init(file: String, warnings: [ConfigWarning]) {
        self.file = file
        self.warnings = warnings
    }

    var deployment: Deployment {
        Deployment(services: services, source: ConfigSource(file: file, format: .keepalived), warnings: warnings,
                   origins: origins)
    }

    /// Groups first, because keepalived resolves group names after reading everything.
    mutating func run(_ tree: [KeepalivedNode]) throws(ConfigError) {
        for node in tree {
            switch node.keyword.text {
            case "virtual_server_group": try defineGroup(node)
            case "local_address_group": try defineLocalGroup(node)
            default: break
            }
        }
        for node in tree {
            let word = node.keyword.text
            if word == "virtual_server" {
                try virtualServer(node)
            } else if word != "virtual_server_group", word != "local_address_group",
                      !KeepalivedKeywords.otherTopLevel.contains(word) {
                warn(node.keyword, "unknown top-level keyword \"\(word)\" (skipped)")
            }
        }
    }

    mutating func warn(_ token: KeepalivedToken, _ message: String) {
        let warning = ConfigWarning(at: token.location, message)
        if !warnings.contains(warning) { warnings.append(warning) }
    }

    /// The argument at `index` (1 = first after the keyword), which must be there.
    func value(_ node: KeepalivedNode, at index: Int = 1) throws(ConfigError) -> KeepalivedToken {
        guard index < node.words.count else {
            throw ConfigError(at: node.keyword.location, "\(node.keyword.text) needs a value")
        }
        return node.words[index]
    }

    func number(_ node: KeepalivedNode, _ range: ClosedRange<Int>) throws(ConfigError) -> Int {
        let token = try value(node)
        return try ConfigNumber.parse(token.text, in: range, what: node.keyword.text, at: token.location)
    }

    func address(_ token: KeepalivedToken, what: String) throws(ConfigError) -> IPAddress {
        guard let address = IPAddress(token.text) else {
            throw ConfigError(at: token.location, "bad \(what) \"\(token.text)\"")
        }
        return address
    }

    func port(_ token: KeepalivedToken) throws(ConfigError) -> UInt16 {
        if let named = WellKnownServices.port(named: token.text) { return named }
        return UInt16(try ConfigNumber.parse(token.text, in: 0...65535, what: "port", at: token.location))
    }

    /// keepalived's `check_true_false`; a missing value means true.
    func flag(_ node: KeepalivedNode) throws(ConfigError) -> Bool {
        guard let token = node.arguments.first else { return true }
        switch token.text.lowercased() {
        case "true", "on", "yes": return true
        case "false", "off", "no": return false
        default: throw ConfigError(at: token.location, "\(node.keyword.text) takes true or false, not \"\(token.text)\"")
        }
    }
}

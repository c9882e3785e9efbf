import LVSWire

/// Reads `ipvsadm-save [-n]` / `ipvsadm -S [-n]` output, and scripts of ipvsadm commands,
/// for upstream ipvsadm 1.31 and DPVS's ipvsadm (FULL-NAT `-b`, local addresses `-P`,
/// SYN proxy `-j`). Lines are applied in order to a table, as `ipvsadm -R` applies them
/// to the kernel, so `-E`, `-e`, `-d`, `-D` and `-C` work too.
public enum IpvsadmParser {
    public static func parse(_ text: String, file: String) throws(ConfigError) -> Deployment {
        var table = IpvsadmTable(file: file)
        for line in IpvsadmLexer.lines(of: text, file: file) {
            let command = try IpvsadmCommand.parse(line)
            try table.apply(command)
        }
        return table.deployment
    }
}

/// The virtual-service table as the lines so far have left it.
struct IpvsadmTable {
    var file: String
    var services: [VirtualService] = []
    var index: [ServiceKey: Int] = [:]
    var origins: [ServiceKey: ConfigLocation] = [:]
    var warnings: [ConfigWarning] = []
    var timeoutOverrides: TimeoutOverrides?

    init(file: String) { self.file = file }

    var deployment: Deployment {
        Deployment(services: services, source: ConfigSource(file: file, format: .ipvsadm),
                   timeoutOverrides: timeoutOverrides, warnings: warnings, origins: origins)
    }

    mutating func apply(_ command: IpvsadmCommand) throws(ConfigError) {
        try checkOptions(command)
        switch command.kind {
        case .addService: try addService(command)
        case .editService: try editService(command)
        case .deleteService: try deleteService(command)
        case .clear: removeAll()
        case .addServer: try addServer(command)
        case .editServer: try editServer(command)
        case .deleteServer: try deleteServer(command)
        case .addLocalAddress: try addLocalAddress(command)
        case .deleteLocalAddress: try deleteLocalAddress(command)
        case .setTimeouts: try setTimeouts(command)
        case .zero: break
        case .startDaemon, .stopDaemon:
            warn(command.commandToken, "sync daemon settings are not modelled; line ignored")
        case .accessList:
            warn(command.commandToken, "DPVS black/white lists are not modelled; line ignored")
        case .query:
            throw ConfigError(at: command.commandToken.location,
                              "\(command.commandToken.text) does not configure anything; expected ipvsadm-save output")
        }
    }

    mutating func warn(_ token: IpvsadmToken, _ message: String) {
        warnings.append(ConfigWarning(at: token.location, message))
    }

    mutating func removeAll() {
        services.removeAll()
        index.removeAll()
        origins.removeAll()
    }

    func existingIndex(_ key: ServiceKey, for command: IpvsadmCommand, _ what: String) throws(ConfigError) -> Int {
        guard let position = index[key] else {
            throw ConfigError(at: command.commandToken.location,
                              "\(what) for unknown service \(key.ipvsadmSpec) (no -A line before it)")
        }
        return position
    }

    mutating func rebuildIndex() {
        index = Dictionary(uniqueKeysWithValues: services.enumerated().map { ($0.element.key, $0.offset) })
    }
}

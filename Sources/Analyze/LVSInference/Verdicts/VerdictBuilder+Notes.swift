import LVSConfig
import LVSWire

extension VerdictBuilder {
    /// No connection decided: say where it was seen and which capture point would decide.
    func unknownLine() -> ServiceVerdict.Evidence {
        let seenAt = Set(sightings.flatMap(\.inputs)).sorted().map { context.pointNames[$0] }
        let servers = configured?.realServers.map(\.address.description) ?? []
        let atServer = servers.isEmpty ? "on a real server" : "on a real server (\(servers.joined(separator: ", ")))"
        let decide = seenAt.contains { point in roles.contains { $0.point == point && $0.role == .director } }
            ? "capture the director's real-server side too (or use -i any), or \(atServer), to tell the mode"
            : "capture on the director (the host holding \(service.vip)), or \(atServer), to tell the mode"
        guard !seenAt.isEmpty else {
            return .init("no traffic for this service in the captures; \(decide)")
        }
        let places = seenAt.map { point in
            "\(point) (\(roles.first { $0.point == point }?.role.rawValue ?? "unknown"))"
        }.joined(separator: ", ")
        if let hint = sightings.lazy.compactMap(\.hint).first {
            return .init("\(hint); \(decide)",
                         packets: sightings.prefix(2).flatMap { $0.packets(context) }.sorted())
        }
        return .init("seen only where the forwarding mode does not show: \(places); \(decide)",
                     packets: sightings.prefix(2).flatMap { $0.packets(context) }.sorted())
    }

    /// Connections that did not decide: those that reached a real server without the
    /// director, and the rest.
    func undecidedLines(decided: Int) -> [ServiceVerdict.Evidence] {
        let undecided = sightings.filter { $0.mode == nil }
        guard decided > 0, !undecided.isEmpty else { return [] }
        var lines: [ServiceVerdict.Evidence] = []
        let serverMACs = Set(sightings.compactMap { $0.server?.mac })
        let direct = undecided.filter { $0.directTo.map(serverMACs.contains) ?? false }
        for mac in Set(direct.compactMap(\.directTo)).sorted() {
            let these = direct.filter { $0.directTo == mac }
            lines.append(.init("\(these.count) connection\(these.count == 1 ? "" : "s") went straight to real server "
                + "MAC \(mac), not through the director",
                packets: these.prefix(2).flatMap { $0.packets(context) }.sorted()))
        }
        let rest = undecided.count - direct.count
        if rest > 0 {
            lines.append(.init("\(rest) more connection\(rest == 1 ? " was" : "s were") seen only where the mode "
                + "does not show"))
        }
        return lines
    }

    /// Where the VIP came from when the real-server side did not show it.
    func vipNote() -> ServiceVerdict.Evidence? {
        guard let source = hiddenVIP else { return nil }
        let limit = "the VIP is not visible from the real-server side in NAT or FULL-NAT"
        switch source {
        case .wire: return nil
        case .stitched: return .init("\(limit): matched to it through connections stitched at the director")
        case .configuration:
            let file = configured.map { _ in context.input.deployment?.source.file ?? "" } ?? ""
            return .init("\(limit): taken from the configuration\(file.isEmpty ? "" : " (\(file))")")
        case .placeholder:
            return .init("\(limit): listed as \(service.vip.withPort(service.port)) (the real servers' port); "
                + "give --config, or capture on the director, to name the VIP")
        }
    }

    /// How the wire compares with the configured mode.
    func configurationNote(_ mode: InferredMode?) -> ServiceVerdict.Evidence? {
        guard let configured, let expected = configuredMode else { return nil }
        let location = context.input.deployment?.origin(of: configured.key).map { " (\($0.file):\($0.line))" } ?? ""
        guard let mode else { return .init("configured as \(Self.name(expected))\(location)") }
        if mode == expected { return .init("matches the configuration: \(Self.name(expected))\(location)") }
        return .init("configured as \(Self.name(expected))\(location), but the wire shows \(Self.name(mode))")
    }
}

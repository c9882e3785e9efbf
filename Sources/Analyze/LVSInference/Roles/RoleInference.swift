import LVSWire

/// Decides each capture point's role, strongest evidence first: `--role`; frames between
/// several hosts (segment); requests seen before and after the director's hop (director);
/// the host's own MAC receiving what only a real server receives, or sending what only a
/// director sends; the point's name; the host relaying or originating requests (router,
/// client); the configuration; and which side of the hop it saw. Two captures of one
/// link hold the same frames, so a single-link capture is placed by name or side.
struct RoleInference {
    let context: InferenceContext
    let facts: [RoleFacts]

    func roles() -> [InferenceResult.PointRole] {
        context.profiles.map { profile in
            let name = profile.name
            if let forced = context.input.forcedRoles[name] {
                return InferenceResult.PointRole(point: name, role: forced, forced: true, reason: "given with --role")
            }
            let (role, reason) = infer(profile, facts[profile.input])
            return InferenceResult.PointRole(point: name, role: role, forced: false, reason: reason)
        }
    }

    func infer(_ profile: PointProfile, _ facts: RoleFacts) -> (CaptureRole, String) {
        if let structural = structural(profile, facts) { return structural }
        if let hint = NameHint.role(forPoint: profile.name) {
            return (hint.role, "named \"\(hint.word)\"; the frames fit either end of the link")
        }
        if let relaying = relaying(profile, facts) { return relaying }
        if let configured = configured(facts) { return configured }
        if facts.afterHopOnly > 0, facts.beforeHopOnly == 0 {
            return (.realServer, "sees only requests the director already rewrote, on one link")
        }
        if facts.beforeHopOnly > 0 || !facts.served.isEmpty {
            return (.client, "sees only client-side conversations on one link; name the point or use --role "
                + "if it is the director's or a server's side")
        }
        return (.unknown, "no TCP or UDP service traffic")
    }

    /// Roles the frames prove.
    func structural(_ profile: PointProfile, _ facts: RoleFacts) -> (CaptureRole, String)? {
        if profile.link == .promiscuous, facts.acrossHop > 0 || facts.readings.contains(where: {
            $0.reading.basis == .forwardedAtOnePoint }), profile.everyFrameInvolves(facts.forwarders) {
            let macs = facts.forwarders.sorted().map(\.description).joined(separator: ", ")
            return (.director, "every frame is to or from the director's MACs (\(macs)), which re-sent the requests: "
                + "the director's interfaces in one capture")
        }
        if profile.link == .promiscuous {
            return (.segment, "frames between \(profile.macCount) hosts, no MAC common to all: a switch port or bridge")
        }
        if facts.acrossHop > 0 {
            let modes = facts.hopModes.map(\.rawValue).sorted().joined(separator: ", ")
            return (.director, "saw \(facts.acrossHop) requests to a VIP arrive and leave again (\(modes))")
        }
        if let forwarded = facts.readings.first(where: { $0.reading.basis == .forwardedAtOnePoint }) {
            return (.director, "saw requests to a VIP arrive and leave again (\(forwarded.reading.mode.rawValue))")
        }
        let host = profile.hostMACs
        if profile.link == .host, facts.afterHopOnly > 0, !host.isDisjoint(with: facts.afterSenders) {
            return (.director, "its own MAC sent \(facts.afterHopOnly) requests the director had rewritten")
        }
        return serverEvidence(profile, facts)
    }

    /// The host's own MAC sends the requests: with their sender's TTL it originates them
    /// (client), with a lowered TTL it relays them (router).
    func relaying(_ profile: PointProfile, _ facts: RoleFacts) -> (CaptureRole, String)? {
        guard profile.link == .host, facts.hostSentInitial + facts.hostSentLowered > 0 else { return nil }
        if facts.hostSentLowered == 0 {
            return (.client, "its own MAC originates the requests (initial TTL)")
        }
        return (.router, "its own MAC relays requests it did not originate (TTL already lowered)")
    }

    /// The host's MAC receives what only a real server receives.
    func serverEvidence(_ profile: PointProfile, _ facts: RoleFacts) -> (CaptureRole, String)? {
        let host = profile.hostMACs
        guard profile.link == .host || profile.link == .singleLink else { return nil }
        for entry in facts.readings where entry.reading.basis == .serverWire {
            guard let mac = entry.reading.server?.mac, host.contains(mac) else { continue }
            let what = switch entry.reading.mode {
            case .tun: "encapsulated requests from the director"
            case .fullnat: "requests carrying TOA"
            default: "requests addressed to a VIP, not to its own address,"
            }
            return (.realServer, "its own MAC \(mac) receives \(what) and answers them")
        }
        if profile.link == .host, facts.afterHopOnly > 0, !host.isDisjoint(with: facts.afterReceivers) {
            return (.realServer, "its own MAC receives the requests the director forwarded")
        }
        return nil
    }

    /// A point serving a configured real server's address is that server (or its link).
    func configured(_ facts: RoleFacts) -> (CaptureRole, String)? {
        guard let address = facts.served.filter(context.configuredServers.contains).min() else { return nil }
        return (.realServer, "serves \(address), a configured real server")
    }
}

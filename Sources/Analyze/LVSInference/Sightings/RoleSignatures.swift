import LVSFlows
import LVSWire

/// Signatures that mean something only once the capture point's role is known: the same
/// frames at a client's link and at a real server's link read differently.
struct RoleSignatures {
    let context: InferenceContext
    let knowledge: Knowledge

    func read(_ r: FlowRecord, profile: PointProfile, role: CaptureRole) -> Reading? {
        guard RecordReading.isAttempt(r) else { return nil }
        switch role {
        case .realServer:
            // Requests it received (not flows it started), answered with an initial TTL
            // or not at all.
            let sender = r.primaryLeg(.orig)?.source
            guard profile.link != .host || !(sender.map(profile.hostMACs.contains) ?? false),
                  r.resp.packets == 0 || InitialTTL.isInitial(r.resp.ttl) else { return nil }
            return serverSide(r)
        case .director:
            let sender = r.primaryLeg(.orig)
            let sentHere = sender.map { $0.isOutgoing || ($0.source.map(profile.hostMACs.contains) ?? false) } ?? false
            if sentHere, profile.link == .host { return serverSide(r) }
            return clientSide(r)
        default:
            return nil
        }
    }

    /// The real-server side of a NAT or FULL-NAT director, where the VIP is not visible:
    /// requests from an address the delivering MAC owns (a FULL-NAT local address), else
    /// from client addresses (NAT).
    func serverSide(_ r: FlowRecord) -> Reading? {
        let request = r.primaryLeg(.orig)
        if knowledge.vips.contains(r.respAddress) { return keptVIP(r) }
        if let kept = keptVIP(r) { return kept }
        let deliverer = request?.source
        let local = context.configuredLocalAddresses.contains(r.origAddress)
            || context.claims.owns(deliverer, r.origAddress)
        var reading = Reading(local ? .fullnat : .nat, local ? .localSourceAtServer : .requestsAtServer,
                              vipVisible: false)
        reading.server = Sighting.Server(address: r.respAddress, port: r.respPort,
                                         mac: request?.destination ?? r.resp.mac)
        if local { reading.localAddress = r.origAddress }
        reading.directorMACs = deliverer.map { [$0] } ?? []
        if local {
            reading.detail = context.configuredLocalAddresses.contains(r.origAddress)
                ? "\(r.origAddress) is a configured local address"
                : "\(r.origAddress) belongs to \(deliverer.map(\.description) ?? "?"), "
                    + "the MAC that delivered the requests"
        }
        return reading
    }

    /// A VIP reaching the real server unchanged: DR (or TUN already decapsulated) when a
    /// director delivered it or the server does not own the address; nothing when it came
    /// another way (an ARP leak sends it straight from the router).
    func keptVIP(_ r: FlowRecord) -> Reading? {
        let request = r.primaryLeg(.orig)
        let server = request?.destination ?? r.resp.mac
        let owned = context.claims.addresses(of: server)
        let foreign = !owned.contains(r.respAddress) && !owned.isEmpty
        guard knowledge.vips.contains(r.respAddress) || foreign else { return nil }
        let fromDirector = request?.source.map(knowledge.directorMACs.contains) ?? false
        guard fromDirector || foreign || knowledge.directorMACs.isEmpty else { return nil }
        var reading = Reading(.dr, .requestsAtServer, vipVisible: true)
        reading.server = Sighting.Server(address: DirectServer.address(of: server, serving: r.respAddress,
                                                                       context: context),
                                         port: r.respPort, mac: server)
        reading.directorMACs = request?.source.map { [$0] } ?? []
        reading.detail = "requests keep \(r.respAddress) as destination"
            + (foreign ? owned.min().map { "; its MAC claims \($0), not \(r.respAddress)" } ?? "" : "")
        return reading
    }

    /// The director's client side alone (TCP): replies leaving with a TTL below any
    /// initial value were forwarded from a real server, so replies traverse the director
    /// (NAT or FULL-NAT); FULL-NAT directors lower the SYN-ACK's MSS by the TOA size (8
    /// bytes IPv4, 20 IPv6; lvs-reference.md §2.4). UDP has no such mark: undecided.
    func clientSide(_ r: FlowRecord) -> Reading? {
        guard r.protocolNumber == .tcp, r.resp.packets > 0, InitialTTL.isForwarded(r.resp.ttl), let ttl = r.resp.ttl,
              let asked = r.orig.mss, let given = r.resp.mss else { return nil }
        let room = r.respAddress.isIPv4 ? 8 : 20
        let clamped = Int(asked) - Int(given) == room
        var words = "replies from \(r.respAddress) left with TTL \(ttl.upperBound), below any initial TTL: forwarded"
        words += clamped ? "; SYN-ACK MSS \(given) is the client's \(asked) less \(room) (FULL-NAT's TOA room)"
            : "; SYN-ACK MSS \(given) against the client's \(asked): not FULL-NAT's clamp"
        var reading = Reading(clamped ? .fullnat : .nat, .directorClientSide, vipVisible: true)
        reading.vipMAC = r.primaryLeg(.orig)?.destination ?? r.resp.mac
        reading.directorMACs = reading.vipMAC.map { [$0] } ?? []
        reading.detail = words
        return reading
    }
}

import LVSFlows
import LVSInference
import LVSWire

/// A NAT real server whose replies do not go back through the director
/// (lvs-reference.md §1.3, §9.1, §9.11).
///
/// Rationale: in NAT the director must see every reply to rewrite RIP:rport back to
/// VIP:vport; a real server whose default route is another router sends its SYN-ACK from
/// RIP:rport straight to the client, whose stack resets it and retransmits its SYN to
/// the VIP until it gives up.
///
/// Failure caught, by view: at the real server, replies to clients leave toward a MAC that
/// is not the one requests come from (the director); at the client, SYN-ACKs/replies from
/// RIP:rport to the port it used toward the VIP, through another next hop than the
/// director; at the director, forwarded requests never answered but reset by the client
/// (Zeek RSTOS0: the client got an answer by another path).
///
/// Benign look-alikes: a real server that is down (no reply at the real server either:
/// `real-server-not-responding`); a health check from the director's own address (not a
/// client leg); a client on the real servers' link (`client-on-real-server-subnet`, the
/// reply goes to the client's own MAC); a reply the director forwarded without rewriting
/// (`reply-from-wrong-source`, it comes from the director's MAC).
///
/// Fixture: `nat-wrong-gateway` (rs2's default route is router2).
struct NATReplyBypassesDirector: Rule {
    let id = "nat-reply-bypasses-director"
    let category = FindingCategory.wrongGateway
    let severity = Severity.error
    let title = "NAT real server sends its replies around the director"
    let rationale = """
        In NAT the director must see every reply to rewrite RIP:rport back to VIP:vport. A real server whose \
        default route is not the director answers clients directly from its RIP; the client resets those \
        answers and the connection fails. Seen at the real server (the reply's next-hop MAC is not the \
        director's), at the client (SYN-ACKs from a RIP, reset by the client) and at the director (forwarded \
        requests never answered, reset by the client). Ignores clients on the real servers' link and health \
        checks from the director.
        """
    let remediation = "On the real server, route replies through the director: `ip route replace default via <DIP>`."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        let topology = context.facts.topology
        let foreign = context.facts.foreignReplies
        let onLink = Set(context.facts.onLinkClients.map(\.pair))
        var seen: [ServiceServer: Sightings] = [:]
        let records = context.flows.records
        let attempts = context.facts.attempts
        // The attempts already name each NAT leg's service and real server; their records
        // are read in place (one copied out is 440 bytes).
        for a in attempts.indices where attempts[a].mode == .nat {
            let i = attempts[a].record
            guard !onLink.contains(ServiceClient(service: attempts[a].service, client: records[i].origAddress)) else {
                continue
            }
            let key = ServiceServer(service: attempts[a].service, server: attempts[a].server)
            let atServer = topology.role(i, in: records) == .realServer
            if atServer, let nextHop = bypassingNextHop(i, records) {
                seen[key, default: Sightings()].add(.atServer(nextHop), i, records, attempts[a].key)
            } else if !atServer, records[i].originatorResetUnanswered {
                seen[key, default: Sightings()].add(.atDirector, i, records, attempts[a].key)
            }
        }
        for reply in foreign where reply.service.mode == .nat && reply.cameThroughDirector != true
            && !topology.claimed(reply.source, by: reply.replyMAC, at: reply.point)
            && !onLink.contains(ServiceClient(service: reply.service.service, client: reply.client)) {
            seen[ServiceServer(service: reply.service.service, server: reply.source), default: Sightings()]
                .add(.atClient(reply.replyMAC), reply.reply, records,
                     .tuple(records[reply.reply].protocolNumber, reply.client, reply.clientPort, reply.source))
        }
        return seen.keys.sorted { ($0.service, $0.server) < ($1.service, $1.server) }.compactMap { key in
            seen[key].map { report(key, $0, context, topology) }
        }
    }

    /// The next hop of the server's replies when it is not where its requests came from.
    private func bypassingNextHop(_ i: Int, _ records: [FlowRecord]) -> MACAddress? {
        guard records[i].resp.packets > 0, let nextHop = records.primaryLeg(.resp, of: i)?.destination,
              let from = records.primaryLeg(.orig, of: i)?.source, nextHop != from, !nextHop.isMulticast else {
            return nil
        }
        return nextHop
    }

    private func report(_ key: ServiceServer, _ sightings: Sightings, _ context: AnalysisContext,
                        _ topology: ServiceTopology) -> Finding {
        let dip = Gateways.director(facing: key.server, context, topology)
        var parts: [String] = []
        if !sightings.nextHops.isEmpty {
            parts.append("its replies leave toward \(sightings.nextHops.map(\.description).joined(separator: ", ")) "
                + "instead of the director (\(sightings.count(.server)) connections at the real server)")
        }
        if sightings.count(.client) > 0 {
            parts.append("clients receive answers from \(key.server) directly and reset them "
                + "(\(sightings.count(.client)) connections)")
        }
        if sightings.count(.director) > 0 {
            parts.append("the director forwards requests and sees no answer, only the clients' resets "
                + "(\(sightings.count(.director)) connections)")
        }
        let message = "NAT real server \(key.server) of \(key.service) bypasses the director: "
            + parts.joined(separator: "; ") + ". Its default route does not point at the director."
        let route = Remedy.defaultRoute(via: dip, placeholder: "<the director's address on this network>",
                                        family: key.server)
        return finding(service: key.service, subject: key.server.description, message: message,
                       remediation: "On \(key.server): `\(route)` (replies to clients must return through the director).",
                       evidence: sightings.evidence)
    }
}

/// Where the bypass was seen, with a few frames.
private struct Sightings {
    enum Place { case server, client, director }
    enum Sighting {
        case atServer(MACAddress)
        case atClient(MACAddress?)
        case atDirector
    }

    /// Distinct connections per place (several captures of one host see the same one).
    var connections: [Place: Set<RealServerAttempt.Key>] = [:]
    var nextHops: [MACAddress] = []
    var evidence: [PacketReference] = []

    mutating func add(_ sighting: Sighting, _ record: Int, _ records: [FlowRecord],
                      _ connection: RealServerAttempt.Key) {
        let place: Place
        switch sighting {
        case let .atServer(mac):
            place = .server
            if !nextHops.contains(mac) { nextHops.append(mac) }
        case .atClient: place = .client
        case .atDirector: place = .director
        }
        connections[place, default: []].insert(connection)
        evidence.append(PacketReference(firstOf: record, in: records))
    }

    func count(_ place: Place) -> Int { connections[place]?.count ?? 0 }
}

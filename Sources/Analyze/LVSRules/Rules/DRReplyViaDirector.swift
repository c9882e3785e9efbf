import LVSFlows
import LVSInference
import LVSWire

/// A DR/TUN real server that sends its replies to the director (lvs-reference.md §1.3,
/// §9.2).
///
/// Rationale: DR and TUN replies leave the real server from the VIP and must not come
/// back through the director. A real server whose default gateway is the director hands
/// it packets whose source is the director's own VIP: the director drops them as martian
/// source (or, with `accept_local`, carries a reply path IPVS does not track), and the
/// client keeps retransmitting.
///
/// Failure caught: a reply of a DR/TUN service (source VIP:vport) sent by a real server's
/// MAC to a director MAC: at the real server (next hop is the director), on the segment,
/// and at the director (received from a real server's MAC; on a Linux cooked capture,
/// inbound, not sent by the director).
///
/// Benign look-alikes: the director's own packets from the VIP (ping replies, its RSTs
/// for unknown connections: sent by the director's MAC, outgoing); replies to the router
/// (healthy DR).
///
/// Fixture: `dr-gateway-is-director` (rs2's default route is the director).
struct DRReplyViaDirector: Rule {
    let id = "dr-reply-via-director"
    let category = FindingCategory.wrongGateway
    let severity = Severity.error
    let title = "DR/TUN real server sends its replies to the director"
    let rationale = """
        DR and TUN replies leave the real server from the VIP and must bypass the director. A real server \
        whose default gateway is the director sends them to it; the director drops packets from its own VIP \
        as martian source and the client retransmits. Seen at the real server (reply next hop = director MAC), \
        on the segment and at the director (VIP-sourced frames from a real server's MAC). The director's own \
        VIP traffic (pings, RSTs) is not counted.
        """
    let remediation = "On the real server, route replies to the router in front of the director, not to the director."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        let topology = context.facts.topology
        guard !topology.directorMACs.isEmpty else { return [] }
        var seen: [ServiceServer: (points: Set<String>, connections: Set<String>, evidence: [PacketReference])] = [:]
        let records = context.flows.records
        for r in records.indices {
            guard let i = topology.directServiceIndex(at: r),
                  let server = replierToDirector(r, records, i, topology) else { continue }
            let key = ServiceServer(service: topology.services[i].service, server: server)
            seen.update(key, default: ([], [], [])) { entry in
                entry.points.insert(records[r].point.point)
                entry.connections.insert(records[r].origAddress.withPort(records[r].origPort))
                entry.evidence.append(PacketReference(firstOf: r, in: records))
            }
        }
        return seen.keys.sorted { ($0.service, $0.server) < ($1.service, $1.server) }.compactMap { key in
            guard let entry = seen[key] else { return nil }
            let router = Gateways.router(for: key.service, nearest: key.server, context, topology)
            let route = Remedy.defaultRoute(via: router, placeholder: "<the router in front of the director>",
                                            family: key.server)
            return finding(
                service: key.service, subject: key.server.description,
                message: "real server \(key.server) of \(key.service) sends its replies (from the VIP) to the director "
                    + "instead of the router: \(entry.connections.count) connections, seen at "
                    + entry.points.sorted().joined(separator: ", ")
                    + "; the director drops packets from its own VIP and the clients get no answer",
                remediation: "On \(key.server): `\(route)` (DR replies must not go through the director).",
                evidence: entry.evidence)
        }
    }

    /// The real server whose VIP-sourced replies in `records[r]` went to a director MAC.
    private func replierToDirector(_ r: Int, _ records: [FlowRecord], _ service: Int,
                                   _ topology: ServiceTopology) -> IPAddress? {
        let servers = topology.services[service].realServers
        for count in records[r].linkLegs where count.direction == .resp {
            let leg = count.leg
            guard let server = topology.realServer(mac: leg.source),
                  servers.contains(where: { $0.address == server }) else { continue }
            if topology.isDirector(leg.destination) { return server }
            if leg.destination == nil, leg.cookedPacketType != nil, !leg.isOutgoing,
               topology.role(r, in: records) == .director { return server }
        }
        return nil
    }
}

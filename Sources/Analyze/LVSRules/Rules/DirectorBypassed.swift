import LVSFlows
import LVSInference
import LVSWire

/// Client traffic for a DR/TUN VIP reaching a real server without passing the director
/// (lvs-reference.md §9.3).
///
/// Rationale: in DR the director is the only host that hands VIP traffic to a real
/// server; a frame for the VIP that a real server receives from another MAC (the router)
/// was sent there because the real server claimed the VIP. Those connections are not
/// scheduled, have no IPVS entry and break when the router's cache flips back.
///
/// Failure caught: a client → VIP:port frame delivered to a real server's MAC by a MAC
/// that is not a director's, at the real server or on the segment.
///
/// Benign look-alikes: frames from the director (healthy DR); the client → director hop
/// (delivered to the director's MAC, not a real server's); TUN requests, which arrive
/// encapsulated from the director.
///
/// Fixture: `dr-arp-leak` (7 connections from the router straight to rs2).
struct DirectorBypassed: Rule {
    let id = "director-bypassed"
    let category = FindingCategory.arpLeak
    let severity = Severity.error
    let title = "VIP traffic reaches a real server without passing the director"
    let rationale = """
        In DR/TUN only the director hands VIP traffic to a real server. A client → VIP frame that a real server \
        receives from another MAC (usually the router) was sent there because that server claimed the VIP; \
        such connections skip the scheduler and break when neighbour caches change. Seen at the real server \
        and on the segment.
        """
    let remediation = "Stop the real server from claiming the VIP (arp_ignore=1, arp_announce=2; VIP only on lo)."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        let topology = context.facts.topology
        guard !topology.directorMACs.isEmpty else { return [] }
        var seen: [ServiceServer: (senders: Set<MACAddress>, connections: Set<String>, evidence: [PacketReference])] = [:]
        let records = context.flows.records
        // By index, DR/TUN requests first: a record copied out is 440 bytes.
        for r in records.indices where records[r].isAttempt {
            guard let i = topology.directServiceIndex(at: r) else { continue }
            let servers = topology.services[i].realServers
            for count in records[r].linkLegs where count.direction == .orig && !count.leg.encapsulated {
                let leg = count.leg
                guard let server = topology.realServer(mac: leg.destination),
                      servers.contains(where: { $0.address == server }),
                      let sender = leg.source, !topology.isDirector(sender) else { continue }
                let key = ServiceServer(service: topology.services[i].service, server: server)
                seen.update(key, default: ([], [], [])) { entry in
                    entry.senders.insert(sender)
                    entry.connections.insert(records[r].origAddress.withPort(records[r].origPort))
                    entry.evidence.append(PacketReference(firstOf: r, in: records))
                }
            }
        }
        return seen.keys.sorted { ($0.service, $0.server) < ($1.service, $1.server) }.compactMap { key in
            guard let entry = seen[key] else { return nil }
            return finding(
                service: key.service, subject: key.server.description,
                message: "\(entry.connections.count) connections for \(key.service) reach real server \(key.server) "
                    + "straight from \(senders(entry.senders, near: key.server, topology)), not from the "
                    + "director: the sender's neighbour entry for the VIP points at \(key.server)",
                remediation: "On \(key.server): \(Remedy.silenceVIP(key.service.vip)).",
                evidence: entry.evidence)
        }
    }

    /// `MAC (address)` for each sender, with the address it claimed nearest the server.
    private func senders(_ macs: Set<MACAddress>, near server: IPAddress, _ topology: ServiceTopology) -> String {
        macs.sorted().map { mac in
            topology.address(of: mac, nearest: server).map { "\(mac) (\($0))" } ?? mac.description
        }.joined(separator: ", ")
    }
}

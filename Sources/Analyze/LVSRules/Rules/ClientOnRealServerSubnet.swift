import LVSFlows
import LVSInference
import LVSWire

/// A client of a NAT service on the real servers' own link (lvs-reference.md §9.1,
/// "one-arm NAT").
///
/// Rationale: a real server answers an on-link client directly, whatever its default
/// route, so the reply skips the director's rewrite: the client gets a SYN-ACK from
/// RIP:rport, resets it, and its connections to the VIP fail while clients elsewhere work.
///
/// Failure caught: at a real server, replies to the client go to the client's own MAC; at
/// the director, the client's address is claimed (ARP/ND) on the real servers' link and
/// its forwarded requests go unanswered; at the client, answers come on-link from a real
/// server's address and MAC.
///
/// Benign look-alikes: a real server with a wrong default route (`nat-reply-bypasses-
/// director`: the reply goes to a router, not to the client); a client on the real
/// servers' link that the real servers route back through the director with a host route
/// (its replies reach the director: no failure, no finding); DR and FULL-NAT services,
/// where the real server's reply path does not matter or goes to the local address.
///
/// Fixture: `nat-client-on-rs-subnet` (client2 192.0.2.50 on the real servers' network).
struct ClientOnRealServerSubnet: Rule {
    let id = "client-on-real-server-subnet"
    let category = FindingCategory.asymmetricPath
    let severity = Severity.error
    let title = "NAT client on the real servers' subnet is answered directly"
    let rationale = """
        A NAT real server answers a client on its own link directly (on-link route), whatever its default \
        gateway, so the director never rewrites the reply: the client gets answers from the RIP, resets them, \
        and its connections to the VIP fail. Seen at a real server (replies to the client's own MAC), at the \
        director (the client's address claimed on the real servers' link, its forwarded requests unanswered) \
        and at the client (answers on-link from a RIP).
        """
    let remediation = """
        On each real server add a host route for the client through the director (`ip route add <CIP>/32 via \
        <DIP>`), or move the client off the real servers' network, or SNAT its traffic on the director.
        """

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        let topology = context.facts.topology
        return context.facts.onLinkClients.map { client in
            let servers = context.inference.verdict(for: client.service)?.realServers.map(\.address) ?? []
            let dip = servers.lazy.compactMap { Gateways.director(facing: $0, context, topology) }.first
            let route = client.client.isIPv4 ? "ip route add \(client.client)/32" : "ip -6 route add \(client.client)/128"
            let via = dip?.description ?? "<the director's address on this network>"
            return finding(
                service: client.service, subject: client.client.description,
                message: "client \(client.client) of \(client.service) shares the real servers' link: the real servers "
                    + "answer it directly from their RIPs instead of through the director, and its connections fail",
                remediation: "On each real server (\(servers.map(\.description).joined(separator: ", "))): "
                    + "`\(route) via \(via)`; or move \(client.client) off the real servers' network.",
                evidence: client.evidence)
        }
    }
}

import LVSFlows
import LVSInference
import LVSWire

/// A real server that never answers the requests the director forwards to it
/// (lvs-reference.md §9.4, §9.10).
///
/// Rationale: the director keeps scheduling new connections to a real server that
/// receives them and stays silent (a firewall drop, the VIP missing on a DR/TUN server,
/// rp_filter dropping decapsulated packets); each such connection hangs until the client
/// gives up.
///
/// Failure caught: per service and real server, connection attempts seen on the
/// director → real-server leg at a point that would also see the answer (NAT/FULL-NAT: any;
/// DR/TUN: the real server itself or the segment), of which at least two and at least
/// half got nothing back (UDP: every one, while other servers of the service answer).
///
/// Benign look-alikes: an answer sent another way (the client resets it, or it comes
/// from another address: `nat-reply-bypasses-director`, `reply-from-wrong-source`); a
/// client on the real servers' link (`client-on-real-server-subnet`); a DR director's own
/// capture (replies go around it); attempts in the last second of a capture; a UDP
/// service that never answers anyone; a refusal (`real-server-refuses`).
///
/// Fixtures: `nat-rs-blackhole` (rs2 drops port 80), `dr-missing-vip` (rs2 has no VIP).
struct RealServerNotResponding: Rule {
    let id = "real-server-not-responding"
    let category = FindingCategory.noResponse
    let severity = Severity.error
    let title = "Real server receives forwarded requests and never answers"
    let rationale = """
        The director keeps sending new connections to a real server that receives them and stays silent \
        (firewall drop, VIP missing on a DR/TUN server, rp_filter). Counted per service and real server at \
        points that would see the answer (NAT/FULL-NAT anywhere on the real-server leg; DR/TUN at the real \
        server or segment): at least two and at least half of the attempts unanswered (UDP: all, while other \
        servers answer). Answers that went another way, on-link clients and the capture's last second are not \
        counted.
        """
    let remediation = """
        NAT/FULL-NAT: make the service listen on RIP:port and let it through the real server's firewall. \
        DR/TUN: put the VIP on the real server's lo (`ip addr add <VIP>/32 dev lo`).
        """

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        let tallies: [RealServerTally]
        if context.facts.onLinkClients.isEmpty {
            tallies = context.facts.tallies
        } else {
            let onLink = Set(context.facts.onLinkClients.map(\.pair))
            tallies = RealServerAttempts.tally(context.facts.attempts.filter { attempt in
                attempt.client.map { !onLink.contains(ServiceClient(service: attempt.service, client: $0)) } ?? true
            })
        }
        let answering = Set(tallies.filter { $0.answered > 0 }.map(\.service))
        return tallies.filter { isSilent($0, serviceAnswers: answering.contains($0.service)) }.map { tally in
            let port = context.inference.verdict(for: tally.service)?.realServers
                .first { $0.address == tally.server }?.port ?? tally.service.port
            return finding(
                service: tally.service, subject: tally.server.description,
                message: "real server \(tally.server) of \(tally.service) never answers: \(tally.unanswered) of "
                    + "\(tally.judged) forwarded \(tally.service.protocolName.uppercased()) requests got no reply "
                    + "(\(tally.answered) answered)",
                remediation: remedy(tally, port: port),
                evidence: tally.unansweredEvidence)
        }
    }

    private func isSilent(_ tally: RealServerTally, serviceAnswers: Bool) -> Bool {
        guard tally.unanswered >= 2 else { return false }
        if tally.service.protocolNumber == .udp {
            return tally.answered == 0 && tally.refused == 0 && serviceAnswers
        }
        return tally.unanswered * 2 >= tally.judged
    }

    private func remedy(_ tally: RealServerTally, port: UInt16) -> String {
        let server = tally.server
        switch tally.mode {
        case .dr, .tun:
            let tunnel = tally.mode == .tun ? "; for TUN also `modprobe ipip; ip link set tunl0 up` and "
                + "`sysctl -w net.ipv4.conf.tunl0.rp_filter=0 net.ipv4.conf.all.rp_filter=0`" : ""
            return "On \(server): add the VIP where it is local but silent: `\(Remedy.vipOnLoopback(tally.service.vip))` "
                + "with `\(Remedy.arpSysctls())`\(tunnel); then check the service listens on "
                + "\(tally.service.vip.withPort(tally.service.port))."
        default:
            let proto = tally.service.protocolNumber == .udp ? "u" : "t"
            return "On \(server): check that the service listens on \(server.withPort(port)) "
                + "(`ss -l\(proto)n 'sport = :\(port)'`) and that no firewall rule drops it (`nft list ruleset`); "
                + "or take it out of the service until fixed: "
                + "`\(Remedy.quiesce(tally.service, server, port: port, mode: tally.mode))`."
        }
    }
}

import LVSConfig
import LVSFlows
import LVSInference
import LVSWire

/// A real server that refuses the connections the director sends it (lvs-reference.md
/// §9.5, §9.13).
///
/// Rationale: nothing listens on the port the traffic arrives at (the service is down,
/// or listens elsewhere), so the real server resets each TCP connection or answers UDP
/// with ICMP port unreachable; with a scheduler that keeps choosing it, a share of all
/// clients fails. In NAT the client sees the RST/ICMP from the VIP (rewritten); in DR/TUN
/// the real server sends it from the VIP straight to the client.
///
/// Failure caught: per service and real server, at least two refused attempts and at
/// least a third of the attempts whose outcome is known: a RST instead of a SYN-ACK
/// (Zeek REJ) or an ICMP destination unreachable (port, protocol, prohibited) quoting the
/// request, seen on the director → real-server leg, or from the real server's MAC.
///
/// Benign look-alikes: an occasional RST from a busy server (below the thresholds); a RST
/// after an established connection (not a refusal); the director's own RST for a packet
/// without a connection entry (no SYN); with `--config`, a DR/TUN server configured on
/// another port (`dr-port-mapping` explains and fixes the refusals).
///
/// Fixtures: `nat-rs-down` (TCP RSTs and UDP port unreachable from rs2), `dr-rs-down`.
struct RealServerRefuses: Rule {
    let id = "real-server-refuses"
    let category = FindingCategory.refused
    let severity = Severity.error
    let title = "Real server refuses forwarded connections (RST, ICMP unreachable)"
    let rationale = """
        Nothing listens on the port the traffic reaches, so the real server answers each SYN with a RST and \
        each UDP request with ICMP port unreachable, while the director keeps scheduling it. Counted per \
        service and real server on the director → real-server leg (or by the real server's MAC): at least two \
        refusals and at least a third of the attempts. Occasional resets and resets of established \
        connections are not counted; with --config, a DR/TUN port mapping is reported by dr-port-mapping instead.
        """
    let remediation = "Start the service on the real server's port, or take the server out of the pool (weight 0)."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        let tallies = context.facts.tallies
        return tallies.filter { $0.refused >= 2 && $0.refused * 3 >= $0.judged }
            .filter { !DRPortMapping.explains($0.service, $0.server, context.deployment) }
            .map { tally in
                let port = tally.mode == .dr || tally.mode == .tun ? tally.service.port
                    : context.inference.verdict(for: tally.service)?.realServers
                        .first { $0.address == tally.server }?.port ?? tally.service.port
                let how = tally.service.protocolNumber == .udp ? "ICMP port unreachable" : "RST"
                let proto = tally.service.protocolNumber == .udp ? "u" : "t"
                let listen = tally.mode == .dr || tally.mode == .tun ? tally.service.vip : tally.server
                return finding(
                    service: tally.service, subject: tally.server.description,
                    message: "real server \(tally.server) of \(tally.service) refuses \(tally.refused) of "
                        + "\(tally.judged) connections (\(how)): nothing listens on port \(port)",
                    remediation: "On \(tally.server): start the service on \(listen.withPort(port)) (check with "
                        + "`ss -l\(proto)n 'sport = :\(port)'`), or take the server out until it is fixed: "
                        + "`\(Remedy.quiesce(tally.service, tally.server, port: port, mode: tally.mode))` "
                        + "(or a keepalived health check on that port).",
                    evidence: tally.refusedEvidence)
            }
    }
}

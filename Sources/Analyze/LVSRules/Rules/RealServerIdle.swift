import LVSConfig
import LVSFlows
import LVSInference
import LVSWire

/// A configured real server with weight that receives no connections while the others do
/// (lvs-reference.md §6, §9.13).
///
/// Rationale: a real server the scheduler should use but never does is missing from the
/// running table (removed by a failing health check, never added, added with another
/// address or port), so the others carry its share.
///
/// Failure caught (needs `--config`): at a point that sees every director → real-server
/// leg (the director or the DR segment), a service with at least twice as many new
/// connections as configured servers with weight, of which a weighted server got none.
///
/// Benign look-alikes: hashing and failover schedulers (sh, dh, mh, lblc, lblcr, fo, ovf)
/// and persistent services, which legitimately concentrate few clients on few servers;
/// weight 0; views that do not see all legs (a single real server's capture).
///
/// Fixture: `nat-ok` checked against a configuration with a third real server.
struct RealServerIdle: Rule {
    let id = "real-server-idle"
    let category = FindingCategory.scheduling
    let severity = Severity.warning
    let title = "Configured real server with weight receives no connections"
    let rationale = """
        A real server the scheduler should use but never does is missing from the running table (removed by a \
        health check, never added, another address or port). Needs --config and a view of every real-server leg \
        (the director or the DR segment); at least twice as many new connections as weighted servers. Hashing, \
        failover and persistent services are not judged.
        """
    let remediation = "Check the server's health check and `ipvsadm -Ln` on the director; add it back if it is missing."

    static let concentrating: Set<SchedulerKind> = [.sh, .dh, .mh, .lblc, .lblcr, .fo, .ovf]

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        guard let deployment = context.deployment else { return [] }
        let topology = context.facts.topology
        let attempts = context.facts.attempts
            .filter { [.director, .segment].contains(topology.role(context.flows.records[$0.record])) }
        var findings: [Finding] = []
        for verdict in context.inference.services {
            guard let configured = deployment.service(for: verdict.service), configured.persistence == nil,
                  !RealServerIdle.concentrating.contains(configured.scheduler) else { continue }
            let mine = attempts.filter { $0.service == verdict.service }
            let total = Set(mine.map(\.key)).count
            let weighted = configured.realServers.filter { $0.weight > 0 }
            guard !weighted.isEmpty, total >= 2 * weighted.count else { continue }
            for server in weighted where !mine.contains(where: { $0.server == server.address }) {
                findings.append(finding(
                    service: verdict.service, subject: server.address.description,
                    message: "\(server.address.withPort(server.port)) (weight \(server.weight)) got none of the \(total) "
                        + "new connections to \(verdict.service) that the director forwarded (\(configured.scheduler))",
                    remediation: "On the director: `ipvsadm -Ln \(configured.key.ipvsadmSpec)` — if \(server.address) "
                        + "is missing, its health check fails or it was never added (`ipvsadm -a "
                        + "\(configured.key.ipvsadmSpec) -r \(server.address.withPort(server.port)) "
                        + "\(server.mode.ipvsadmFlag) -w \(server.weight)`).",
                    evidence: mine.map(\.evidence)))
            }
        }
        return findings
    }
}

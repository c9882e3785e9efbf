import LVSConfig
import LVSFlows
import LVSInference
import LVSWire

/// A persistent service sending one client to different real servers within the
/// persistence timeout (lvs-reference.md §5.5, §9.14).
///
/// Rationale: with `-p TIMEOUT [-M MASK]` IPVS keeps a template per client (under the
/// mask) and sends every new connection to the same real server while the template
/// lives; sessions kept on the server (carts, TLS tickets, logins) break when a client
/// moves.
///
/// Failure caught (needs `--config` with persistence): two new connections of one
/// client (masked by the granularity) to different real servers less than the timeout
/// apart.
///
/// Benign look-alikes: a gap longer than the timeout (the template expired); a server
/// that went away or got weight 0 in between with `expire_quiescent_template=1` (the
/// template is dropped: reported, the remediation says what to check); FULL-NAT attempts
/// whose client is unknown (not judged).
///
/// Fixture: `nat-ok` (one client, alternating servers) checked against its
/// configuration made persistent.
struct PersistenceBroken: Rule {
    let id = "persistence-broken"
    let category = FindingCategory.persistence
    let severity = Severity.warning
    let title = "Persistent service sends a client to different real servers"
    let rationale = """
        With persistence IPVS keeps a template per client (under the netmask) and sends its new connections to \
        the same real server while the template lives. Two new connections of one client to different servers \
        less than the timeout apart mean persistence is not in effect (not configured on the running director, \
        templates flushed by a reload, several directors without sync). Needs --config with persistence.
        """
    let remediation = "Enable persistence on the running service (`ipvsadm -E ... -p <timeout>`), sync connections between directors."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        guard let deployment = context.deployment else { return [] }
        let attempts = context.facts.attemptsByTime
        var findings: [Finding] = []
        for verdict in context.inference.services {
            guard let configured = deployment.service(for: verdict.service), let persistence = configured.persistence else {
                continue
            }
            findings += broken(attempts.filter { $0.service == verdict.service }, verdict.service, persistence, configured)
        }
        return findings
    }

    private func broken(_ attempts: [RealServerAttempt], _ id: VirtualServiceID, _ persistence: Persistence,
                        _ configured: VirtualService) -> [Finding] {
        var seenKeys = Set<RealServerAttempt.Key>()
        var last: [IPAddress: RealServerAttempt] = [:]
        var moves: [IPAddress: (count: Int, servers: Set<IPAddress>, evidence: [PacketReference])] = [:]
        let timeout = Int64(persistence.timeout) * 1_000_000_000
        for attempt in attempts {
            guard let client = attempt.client, seenKeys.insert(attempt.key).inserted else { continue }
            let template = persistence.granularity.template(of: client)
            if let previous = last[template], previous.server != attempt.server,
               attempt.time.rawValue - previous.time.rawValue < timeout {
                moves.update(template, default: (0, [], [])) { entry in
                    entry.count += 1
                    entry.servers.formUnion([previous.server, attempt.server])
                    entry.evidence += [previous.evidence, attempt.evidence]
                }
            }
            last[template] = attempt
        }
        return moves.keys.sorted().compactMap { template in
            guard let entry = moves[template] else { return nil }
            let granularity = persistence.granularity.isExact(for: configured.family) ? ""
                : " (granularity \(persistence.granularity))"
            return finding(
                service: id, subject: template.description,
                message: "client \(template)\(granularity) of persistent \(configured.key) (timeout "
                    + "\(persistence.timeout) s) moved between real servers \(entry.count) times within the timeout "
                    + "(\(entry.servers.sorted().map(\.description).joined(separator: ", ")))",
                remediation: "On the director: check that the running service is persistent (`ipvsadm -Ln "
                    + "\(configured.key.ipvsadmSpec)` shows `persistent \(persistence.timeout)`; else `ipvsadm -E "
                    + "\(configured.key.ipvsadmSpec) -s \(configured.scheduler) -p \(persistence.timeout)`); with "
                    + "several directors, run the connection sync daemon.",
                evidence: entry.evidence)
        }
    }
}

import LVSConfig
import LVSFlows
import LVSInference
import LVSWire

/// New connections scheduled to a real server configured with weight 0
/// (lvs-reference.md §5.5, §9.13).
///
/// Rationale: weight 0 (quiescent, keepalived `inhibit_on_failure`) means "no new
/// connections"; existing ones continue. New connections to it mean the running weight
/// is not 0 (the configuration is not the running one), or persistence templates keep
/// sending returning clients (`expire_quiescent_template=0`).
///
/// Failure caught (needs `--config`): connection attempts (SYN, new UDP flow) to a
/// destination with weight 0; for a persistent service, only from clients that had not
/// been sent to that server before in the capture.
///
/// Benign look-alikes: established connections that continue (no SYN); returning
/// clients of a persistent service (their template); a connection reusing an old
/// client port (IPVS sends it to the same server).
///
/// Fixture: `nat-ok` checked against a configuration giving rs2 weight 0.
struct WeightZeroReceivesNew: Rule {
    let id = "weight-zero-receives-new-connections"
    let category = FindingCategory.scheduling
    let severity = Severity.warning
    let title = "New connections go to a real server configured with weight 0"
    let rationale = """
        Weight 0 (quiescent) means no new connections. New ones to it mean the running weight differs from the \
        configuration, or persistence templates keep sending returning clients (expire_quiescent_template=0). \
        Needs --config; for persistent services only clients new to that server count.
        """
    let remediation = "Set the weight on the director (`ipvsadm -e ... -w 0`); with persistence, `sysctl -w net.ipv4.vs.expire_quiescent_template=1`."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        guard let deployment = context.deployment else { return [] }
        let attempts = context.facts.attemptsByTime
        var findings: [Finding] = []
        for verdict in context.inference.services {
            guard let configured = deployment.service(for: verdict.service) else { continue }
            for server in configured.realServers where server.weight == 0 {
                let new = newConnections(attempts, verdict.service, server.address, persistent: configured.persistence != nil)
                guard !new.isEmpty else { continue }
                let persistence = configured.persistence != nil
                    ? " from clients it had not served before (persistence templates do not explain them)" : ""
                findings.append(finding(
                    service: verdict.service, subject: server.address.description,
                    message: "\(new.count) new connections of \(verdict.service) go to \(server.address), configured with "
                        + "weight 0\(persistence): the director's running weight is not 0",
                    remediation: "On the director: `ipvsadm -e \(configured.key.ipvsadmSpec) -r "
                        + "\(server.address.withPort(server.port)) \(server.mode.ipvsadmFlag) -w 0`"
                        + (configured.persistence != nil ? "; and `sysctl -w net.ipv4.vs.expire_quiescent_template=1`" : "")
                        + " (or reload keepalived so the file's weights apply).",
                    evidence: new.map(\.evidence)))
            }
        }
        return findings
    }

    /// Distinct attempts to `server`; with persistence, only the first per client.
    private func newConnections(_ attempts: [RealServerAttempt], _ service: VirtualServiceID, _ server: IPAddress,
                                persistent: Bool) -> [RealServerAttempt] {
        var keys = Set<RealServerAttempt.Key>()
        var clients = Set<IPAddress>()
        var result: [RealServerAttempt] = []
        for attempt in attempts where attempt.service == service && attempt.server == server {
            guard keys.insert(attempt.key).inserted else { continue }
            if persistent {
                guard let client = attempt.client, clients.insert(client).inserted else { continue }
            }
            result.append(attempt)
        }
        return result
    }
}

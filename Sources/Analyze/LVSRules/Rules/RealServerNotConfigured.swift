import LVSConfig
import LVSFlows
import LVSInference
import LVSWire

/// Traffic of a service sent to a real server the configuration does not list.
///
/// Rationale: connections to an unlisted real server come from another configuration
/// than the one given (a stale destination, another director, a manual `ipvsadm -a`);
/// health checks and weights in the file do not apply to it.
///
/// Failure caught (needs `--config`): an observed real server of a configured service
/// that is not among its configured destinations (by address; NAT/FULL-NAT also by port).
///
/// Benign look-alikes: a keepalived `sorry_server` (listed apart from the real servers:
/// accepted); DR/TUN ports (ignored on the wire, compared by address only).
///
/// Fixture: `nat-ok` checked against a configuration that lists only rs1.
struct RealServerNotConfigured: Rule {
    let id = "real-server-not-configured"
    let category = FindingCategory.configMismatch
    let severity = Severity.error
    let title = "Traffic goes to a real server the configuration does not list"
    let rationale = """
        Connections to an unlisted real server come from another configuration than the one given (a stale \
        destination, another director, a manual ipvsadm -a); the file's health checks and weights do not apply \
        to it. Needs --config; a keepalived sorry server is accepted.
        """
    let remediation = "Remove the stray destination from the director (`ipvsadm -d ...`) or add it to the configuration."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        guard let deployment = context.deployment else { return [] }
        var findings: [Finding] = []
        for verdict in context.inference.services {
            guard let configured = deployment.service(for: verdict.service) else { continue }
            let mapsPorts = verdict.mode == .nat || verdict.mode == .fullnat
            for server in verdict.realServers where !isListed(server, configured, mapsPorts: mapsPorts) {
                let port = mapsPorts ? server.port : verdict.service.port
                findings.append(finding(
                    service: verdict.service, subject: server.address.description,
                    message: "\(verdict.service) sends connections to \(server.address.withPort(port)), which "
                        + "\(deployment.source.file) does not list for \(configured.key)",
                    remediation: "On the director: `ipvsadm -d \(configured.key.ipvsadmSpec) -r "
                        + "\(server.address.withPort(port))` if it should not serve, or add it to \(deployment.source.file).",
                    evidence: verdict.evidence.flatMap(\.packets)))
            }
        }
        return findings
    }

    private func isListed(_ server: ServiceVerdict.RealServer, _ service: VirtualService, mapsPorts: Bool) -> Bool {
        let listed = service.realServers + (service.sorryServer.map { [$0] } ?? [])
        return listed.contains { $0.address == server.address && (!mapsPorts || $0.port == server.port) }
    }
}

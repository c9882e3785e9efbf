import LVSConfig
import LVSFlows
import LVSInference
import LVSWire

/// Traffic for a virtual service the configuration does not have.
///
/// Rationale: a VIP:port balanced on the wire but absent from the configuration is run
/// by something else (a second director, a leftover rule, keepalived's other instance),
/// so nothing in the given configuration explains or controls it.
///
/// Failure caught (needs `--config`): an inferred service with no configured service for
/// its protocol, VIP and port (nor a persistent port-0 service on the VIP).
///
/// Benign look-alikes: a configuration file that describes only part of the director
/// (the finding says which service is missing); fwmark services, which a capture cannot
/// match (the packet mark is not on the wire).
///
/// Fixture: `two-vips-mixed` captures checked against `nat-ok`'s configuration.
struct ServiceNotConfigured: Rule {
    let id = "service-not-configured"
    let category = FindingCategory.configMismatch
    let severity = Severity.warning
    let title = "Traffic for a virtual service the configuration does not have"
    let rationale = """
        A VIP:port balanced on the wire but absent from the configuration is run by something else (another \
        director, a leftover rule); nothing in the given configuration controls it. Needs --config; fwmark \
        services cannot be matched from captures.
        """
    let remediation = "Add the service to the configuration, or remove it from the director that runs it."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        guard let deployment = context.deployment, !deployment.services.contains(where: { $0.key.fwmark != nil }) else {
            return []
        }
        return context.inference.services.filter { deployment.service(for: $0.service) == nil }.map { verdict in
            finding(
                service: verdict.service, subject: verdict.service.vip.description,
                message: "the captures show \(verdict.service) (\(verdict.mode.rawValue)) but \(deployment.source.file) "
                    + "has no such service",
                remediation: "Add it to \(deployment.source.file) (`ipvsadm -A \(Remedy.ipvsadmService(verdict.service)) "
                    + "-s <scheduler>` and its real servers) or find and remove the director that serves it.",
                evidence: verdict.evidence.flatMap(\.packets))
        }
    }
}

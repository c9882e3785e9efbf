import LVSConfig
import LVSFlows
import LVSInference
import LVSWire

/// The forwarding mode the wire shows differs from the configured one (lvs-reference.md §8).
///
/// Rationale: the mode decides what the real servers need (VIP on lo for DR/TUN, the
/// director as gateway for NAT, a route to the LIP for FULL-NAT); traffic in another mode
/// than the configuration says means the configuration given is not the one running, or
/// a second director or a stale rule handles the VIP.
///
/// Failure caught (needs `--config`): a service whose inferred mode (not unknown) is none
/// of its configured real servers' modes.
///
/// Benign look-alikes: an unknown mode (not enough evidence: nothing to compare); a
/// service that mixes modes per real server (each configured mode is accepted).
///
/// Fixture: `nat-ok` captures checked against `dr-ok`'s configuration (same VIP, `-g`).
struct ModeMismatch: Rule {
    let id = "mode-mismatch"
    let category = FindingCategory.configMismatch
    let severity = Severity.error
    let title = "Traffic shows another forwarding mode than the configuration"
    let rationale = """
        The mode decides what the real servers need (VIP on lo for DR/TUN, the director as gateway for NAT, a \
        route to the local address for FULL-NAT). Traffic in a mode the configuration does not give the service \
        means the running configuration is another one, or another box handles the VIP. Needs --config.
        """
    let remediation = "Load the intended configuration on the director (`ipvsadm-restore`, keepalived reload), or fix the file."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        guard let deployment = context.deployment else { return [] }
        return context.inference.services.compactMap { verdict in
            guard let observed = verdict.mode.forwardingMode, let configured = deployment.service(for: verdict.service),
                  !configured.modes.isEmpty, !configured.modes.contains(observed) else { return nil }
            let said = configured.modes.map { "\($0) (\($0.ipvsadmFlag))" }.joined(separator: ", ")
            let location = deployment.origin(of: configured.key).map { " at \($0)" } ?? ""
            return finding(
                service: verdict.service, subject: verdict.service.vip.description,
                message: "\(verdict.service) forwards in \(observed) mode on the wire, but the configuration"
                    + "\(location) says \(said)",
                remediation: "Make the director run the configuration given (`ipvsadm-restore < \(deployment.source.file)` "
                    + "or reload keepalived), or correct the file: its real servers of \(configured.key.ipvsadmSpec) "
                    + "would need \(observed.ipvsadmFlag).",
                evidence: verdict.evidence.flatMap(\.packets))
        }
    }
}

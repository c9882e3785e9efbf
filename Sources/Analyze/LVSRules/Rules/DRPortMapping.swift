import LVSConfig
import LVSFlows
import LVSInference
import LVSWire

/// A DR or TUN real server configured with a port other than the service's
/// (lvs-reference.md §2.2, §9.5).
///
/// Rationale: DR and TUN never rewrite the transport header, so the real server receives
/// the VIP's port whatever the configuration says. ipvsadm silently replaces the port
/// for `-g`/`-i`; keepalived (netlink) passes it through and `ipvsadm-save` then prints
/// it. A real server listening only on the configured port resets every connection.
///
/// Failure caught (needs `--config`): a DR/TUN destination whose port differs from the
/// service port, or whose port ipvsadm replaced (`RealServer.requestedPort`). The
/// traffic to that server (its refusals, when seen) is cited as evidence.
///
/// Benign look-alikes: fwmark services (no service port; the destination port is
/// meaningless); NAT and FULL-NAT destinations, which do map ports.
///
/// Fixture: `dr-port-map` (keepalived config says RIP:8080 on a DR service on port 80).
struct DRPortMapping: Rule {
    let id = "dr-port-mapping"
    let category = FindingCategory.unsupportedConfig
    let severity = Severity.error
    let title = "DR/TUN real server configured with a port other than the service port"
    let rationale = """
        DR and TUN do not rewrite ports: the real server receives the VIP's port whatever the configuration \
        says (ipvsadm replaces the port for -g/-i, keepalived passes it to the kernel, which ignores it on the \
        wire). A server listening only on the configured port resets every connection. Needs --config; \
        traffic to the server is cited when seen.
        """
    let remediation = "Configure the real server with the service port and listen on VIP:port, or use NAT (-m) to map ports."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        guard let deployment = context.deployment else { return [] }
        let attempts = context.facts.attempts
        var findings: [Finding] = []
        for service in deployment.services {
            guard case let .address(proto, vip, port) = service.key else { continue }
            for server in service.realServers where DRPortMapping.isMapped(server, servicePort: port) {
                let id = VirtualServiceID(vip: vip, port: port, protocolNumber: proto.ipProtocol)
                let wanted = server.requestedPort ?? server.port
                let seen = attempts.filter { $0.service == id && $0.server == server.address }
                let refused = seen.filter { $0.outcome == .refused }
                var message = "\(service.key) sends to \(server.address) with \(server.mode.ipvsadmFlag) and port "
                    + "\(wanted), but \(server.mode == .tunnel ? "TUN" : "DR") keeps the service port \(port) on the "
                    + "wire"
                if !seen.isEmpty {
                    message += "; \(Set(refused.map(\.key)).count) of \(Set(seen.map(\.key)).count) connections seen "
                        + "were refused"
                }
                findings.append(finding(
                    service: id, subject: server.address.description, message: message,
                    remediation: "Either configure \(server.address):\(port) (`ipvsadm -e \(service.key.ipvsadmSpec) "
                        + "-r \(server.address.withPort(port)) \(server.mode.ipvsadmFlag) -w \(server.weight)`, or "
                        + "`real_server \(server.address) \(port)` in keepalived) and make \(server.address) listen on "
                        + "\(vip.withPort(port)), or switch the service to NAT (-m) to map \(port) → \(wanted).",
                    evidence: (refused.isEmpty ? seen : refused).map(\.evidence)))
            }
        }
        return findings
    }

    static func isMapped(_ server: RealServer, servicePort: UInt16) -> Bool {
        guard server.mode == .directRouting || server.mode == .tunnel, servicePort != 0 else { return false }
        return server.port != servicePort || (server.requestedPort.map { $0 != servicePort } ?? false)
    }

    /// Whether the configuration maps the port of this DR/TUN server (the refusals are
    /// this rule's to report).
    static func explains(_ service: VirtualServiceID, _ server: IPAddress, _ deployment: Deployment?) -> Bool {
        guard let configured = deployment?.service(for: service.protocolNumber, address: service.vip, port: service.port),
              let destination = configured.realServer(server) else { return false }
        return isMapped(destination, servicePort: service.port)
    }
}

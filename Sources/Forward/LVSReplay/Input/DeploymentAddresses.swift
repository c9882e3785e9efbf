import LVSConfig
import LVSWire

/// The addresses a deployment gives meaning to, as sets for per-packet questions: is this
/// a VIP, a real server, a FULL-NAT local address? Which real servers may serve a VIP?
struct DeploymentAddresses: Sendable {
    let deployment: Deployment
    let virtualAddresses: Set<IPAddress>
    let realServers: Set<IPAddress>
    let localAddresses: Set<IPAddress>

    init(_ deployment: Deployment) {
        self.deployment = deployment
        virtualAddresses = Set(deployment.virtualAddresses)
        realServers = Set(deployment.realServerAddresses)
        localAddresses = Set(deployment.localAddresses)
    }

    /// The service a client packet to `vip:port` uses.
    func service(_ proto: IPProtocol, _ vip: IPAddress, _ port: UInt16) -> VirtualService? {
        deployment.service(for: proto, address: vip, port: port)
    }

    /// The configured port of `server` in the service (nil when it is not one of its real
    /// servers). Port 0 (persistent port-0 services) keeps the client's port.
    func configuredPort(of server: IPAddress, in service: VirtualService, clientPort vport: UInt16) -> UInt16? {
        guard let real = service.realServer(server) else { return nil }
        return real.port == 0 || !real.mode.mapsPorts ? vport : real.port
    }
}

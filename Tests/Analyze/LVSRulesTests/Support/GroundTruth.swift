import LVSInference
import LVSTestSupport
import LVSWire

/// An `InferenceResult` read from a scenario's ground truth (scenario.json) instead of
/// inferred: its services, modes, real servers with their MACs, the director's MACs and
/// the roles of the capture points in view. It tests the rules in isolation from
/// inference.
enum GroundTruth {
    static func inference(_ scenario: Scenario, points: [String]) -> InferenceResult {
        let services = scenario.services.map { verdict($0, scenario) }.sorted { $0.service < $1.service }
        let roles = scenario.captures.filter { points.contains($0.point) }.map {
            InferenceResult.PointRole(point: $0.point, role: CaptureRole(rawValue: $0.role) ?? .unknown, forced: true,
                                      reason: "scenario.json")
        }
        return InferenceResult(services: services, roles: roles)
    }

    static func verdict(_ service: Scenario.Service, _ scenario: Scenario) -> ServiceVerdict {
        let vip = address(service.vip)
        let servers = service.realServers.map { server in
            ServiceVerdict.RealServer(address: address(server.address), port: UInt16(server.port),
                                      mac: mac(of: server.address, in: scenario), connections: 0)
        }.sorted()
        let director = scenario.hosts.first { $0.role == "director" }
        // The director's client-side NIC (the one holding the VIP) first.
        let all = director?.interfaces ?? []
        let nics = all.filter { holds($0, service.vip) } + all.filter { !holds($0, service.vip) }
        return ServiceVerdict(
            service: VirtualServiceID(vip: vip, port: UInt16(service.port),
                                      protocolNumber: service.protocol == "udp" ? .udp : .tcp),
            mode: InferredMode(rawValue: service.mode) ?? .unknown, confidence: 1,
            evidence: [ServiceVerdict.Evidence("scenario.json ground truth")], realServers: servers,
            localAddresses: service.localAddresses.map(address).sorted(), connections: 0,
            vipMACs: service.directorMAC.flatMap(MACAddress.init).map { [$0] } ?? [],
            directorMACs: nics.compactMap { MACAddress($0.mac) })
    }

    /// The MAC of the interface that holds `text` (as one of its CIDR addresses).
    static func mac(of text: String, in scenario: Scenario) -> MACAddress? {
        for host in scenario.hosts {
            for nic in host.interfaces where holds(nic, text) { return MACAddress(nic.mac) }
        }
        return nil
    }

    static func holds(_ nic: Scenario.Interface, _ text: String) -> Bool {
        nic.addresses.contains { $0.split(separator: "/").first.map(String.init) == text }
    }

    static func address(_ text: String) -> IPAddress {
        guard let address = IPAddress(text) else { preconditionFailure("bad address \(text) in scenario.json") }
        return address
    }
}

import LVSCapture
import LVSFlows
import LVSInference
import LVSWire

/// What the rules know about the deployment, gathered once from the inference verdicts
/// and the address claims: the virtual services by VIP and port, the real servers by
/// address and MAC, the director's MACs and addresses, the FULL-NAT local addresses.
struct ServiceTopology {
    struct Endpoint: Hashable {
        var address: IPAddress
        var port: UInt16
        var protocolNumber: IPProtocol

        func hash(into hasher: inout Hasher) {
            hasher.combine(address, port: port, protocolNumber: protocolNumber)
        }
    }

    let inference: InferenceResult
    let services: [ServiceVerdict]
    let vips: Set<IPAddress>
    /// The MACs of directors: the verdicts' plus every MAC that sent VRRP adverts (a backup
    /// director announces the VIP legitimately when it takes over, lvs-reference.md §9.3).
    let directorMACs: Set<MACAddress>
    let localAddresses: Set<IPAddress>
    /// Addresses that a director MAC claimed (ARP/ND) anywhere: the director's own.
    let directorAddresses: Set<IPAddress>
    /// `vips` and `directorAddresses` again, for the questions asked per flow record: a few
    /// addresses, compared rather than hashed.
    private let vipList: Numbering<IPAddress>
    private let directorAddressList: Numbering<IPAddress>
    /// The services' VIP:port, and by number the index into `services` of the (last)
    /// service there.
    private let serviceEndpoints: Numbering<Endpoint>
    private let serviceByEndpoint: [Int]
    /// Per flow record, the index into `services` of the service its originator addressed,
    /// −1 for none: the facts and the rules ask it of the same records many times over.
    private let requestIndices: [Int32]
    private let realServerServices: [IPAddress: [Int]]
    /// The real servers' address:port over each service's protocol, and by number the
    /// services with a real server there, in service order.
    private let realServerEndpoints: Numbering<Endpoint>
    private let realServerEndpointServices: [[Int]]
    private let realServerByMAC: [MACAddress: IPAddress]
    private let macsByAddress: [IPAddress: [MACAddress]]
    private let addressesByMAC: [MACAddress: [IPAddress]]
    private let claimsAtPoints: Set<PointClaim>

    private struct PointClaim: Hashable {
        var address: IPAddress
        var mac: MACAddress
        var point: CapturePointName
    }

    init(_ context: AnalysisContext) {
        inference = context.inference
        services = context.inference.services.map { $0.assumingConfiguredMode(context.deployment) }
        vips = Set(services.map(\.service.vip))
        localAddresses = Set(services.flatMap(\.localAddresses))
        var index = Numbering<Endpoint>()
        var serviceAt: [Int] = []
        var byAddress: [IPAddress: [Int]] = [:]
        var endpoints = Numbering<Endpoint>()
        var byEndpoint: [[Int]] = []
        for (i, verdict) in services.enumerated() {
            let id = verdict.service
            let number = index.number(Endpoint(address: id.vip, port: id.port, protocolNumber: id.protocolNumber))
            if number == serviceAt.count { serviceAt.append(i) } else { serviceAt[number] = i }
            for server in verdict.realServers {
                byAddress[server.address, default: []].append(i)
                let endpoint = endpoints.number(Endpoint(address: server.address, port: server.port,
                                                         protocolNumber: id.protocolNumber))
                if endpoint == byEndpoint.count { byEndpoint.append([]) }
                if byEndpoint[endpoint].last != i { byEndpoint[endpoint].append(i) }
            }
        }
        serviceEndpoints = index
        serviceByEndpoint = serviceAt
        realServerServices = byAddress
        realServerEndpoints = endpoints
        realServerEndpointServices = byEndpoint
        requestIndices = ServiceTopology.requestIndices(context.flows.records, index, serviceAt)
        let directors = Set(services.flatMap(\.directorMACs)).union(ServiceTopology.vrrpSenders(context.flows.records))
        directorMACs = directors
        var macs: [IPAddress: Set<MACAddress>] = [:]
        var addresses: [MACAddress: Set<IPAddress>] = [:]
        for claim in context.flows.claims.claims {
            macs[claim.address, default: []].insert(claim.mac)
            addresses[claim.mac, default: []].insert(claim.address)
        }
        claimsAtPoints = Set(context.flows.claims.claims.map {
            PointClaim(address: $0.address, mac: $0.mac, point: $0.point)
        })
        macsByAddress = macs.mapValues { $0.sorted() }
        addressesByMAC = addresses.mapValues { $0.sorted() }
        directorAddresses = Set(macs.filter { !$0.value.isDisjoint(with: directors) }.keys)
        vipList = ServiceTopology.list(vips)
        directorAddressList = ServiceTopology.list(directorAddresses)
        realServerByMAC = ServiceTopology.realServerMACs(services, claimed: macs, directors: directors)
    }

    /// Real-server MACs: the verdicts', else the MACs that claimed the RIP (not a director's).
    private static func realServerMACs(_ services: [ServiceVerdict], claimed: [IPAddress: Set<MACAddress>],
                                       directors: Set<MACAddress>) -> [MACAddress: IPAddress] {
        var result: [MACAddress: IPAddress] = [:]
        for server in services.flatMap(\.realServers).sorted() {
            if let mac = server.mac {
                if result[mac] == nil { result[mac] = server.address }
                continue
            }
            for mac in (claimed[server.address] ?? []).sorted() where !directors.contains(mac) && result[mac] == nil {
                result[mac] = server.address
            }
        }
        return result
    }

    private static func list(_ addresses: Set<IPAddress>) -> Numbering<IPAddress> {
        var list = Numbering<IPAddress>()
        for address in addresses.sorted() { _ = list.number(address) }
        return list
    }

    /// Whether `address` is a VIP (`vips.contains`).
    func isVIP(_ address: IPAddress) -> Bool { vipList.number(of: address) != nil }

    /// Whether `address` is the director's own (`directorAddresses.contains`).
    func isDirectorAddress(_ address: IPAddress) -> Bool { directorAddressList.number(of: address) != nil }

    /// `requestIndices` of `records`.
    private static func requestIndices(_ records: [FlowRecord], _ index: Numbering<Endpoint>,
                                       _ serviceAt: [Int]) -> [Int32] {
        var result = [Int32](repeating: -1, count: records.count)
        for r in records.indices {
            let endpoint = Endpoint(address: records[r].respAddress, port: records[r].respPort,
                                    protocolNumber: records[r].protocolNumber)
            if let number = index.number(of: endpoint) { result[r] = Int32(serviceAt[number]) }
        }
        return result
    }

    /// The source MACs of VRRP adverts (IP protocol 112), read in place.
    private static func vrrpSenders(_ records: [FlowRecord]) -> [MACAddress] {
        var senders: [MACAddress] = []
        for r in records.indices where records[r].protocolNumber.rawValue == 112 {
            if let mac = records[r].orig.mac { senders.append(mac) }
        }
        return senders
    }

    /// The role of the capture point a flow was seen at.
    func role(_ record: FlowRecord) -> CaptureRole { inference.role(of: record.point.point) }

    /// The role of the capture point `records[i]` was seen at.
    func role(_ i: Int, in records: [FlowRecord]) -> CaptureRole { inference.role(of: records[i].point.point) }

    /// The service a packet to `address:port` over `proto` is for.
    func service(_ address: IPAddress, _ port: UInt16, _ proto: IPProtocol) -> ServiceVerdict? {
        serviceIndex(address, port, proto).map { services[$0] }
    }

    /// The index into `services` of the service at VIP:port: per-record paths read the
    /// verdict in place instead of copying it.
    func serviceIndex(_ address: IPAddress, _ port: UInt16, _ proto: IPProtocol) -> Int? {
        serviceEndpoints.number(of: Endpoint(address: address, port: port, protocolNumber: proto))
            .map { serviceByEndpoint[$0] }
    }

    /// The service whose VIP:port the flow's originator addressed (a client's request).
    func requestService(_ record: FlowRecord) -> ServiceVerdict? {
        service(record.respAddress, record.respPort, record.protocolNumber)
    }

    /// `requestService`'s index into `services`.
    func requestServiceIndex(_ record: FlowRecord) -> Int? {
        serviceIndex(record.respAddress, record.respPort, record.protocolNumber)
    }

    /// `requestServiceIndex` of `context.flows.records[record]`, looked up once per record.
    func requestServiceIndex(at record: Int) -> Int? {
        let i = requestIndices[record]
        return i < 0 ? nil : Int(i)
    }

    /// Whether the flow is a client's request to a service.
    func isRequest(_ record: FlowRecord) -> Bool { requestServiceIndex(record) != nil }

    /// Whether `context.flows.records[record]` is a client's request to a service.
    func isRequest(at record: Int) -> Bool { requestIndices[record] >= 0 }

    /// The DR or TUN service the flow's originator addressed, if it is one.
    func directServiceIndex(_ record: FlowRecord) -> Int? {
        guard let i = requestServiceIndex(record) else { return nil }
        return isDirect(i) ? i : nil
    }

    /// `directServiceIndex` of `context.flows.records[record]`.
    func directServiceIndex(at record: Int) -> Int? {
        // Not `flatMap(isDirect)`: a method taken as a closure copies the whole topology.
        guard let i = requestServiceIndex(at: record) else { return nil }
        return isDirect(i) ? i : nil
    }

    private func isDirect(_ i: Int) -> Bool { services[i].mode == .dr || services[i].mode == .tun }

    /// Indices into `services` of the services with a real server at `address:port` over
    /// `proto`, in service order.
    func serviceIndices(ofRealServer address: IPAddress, port: UInt16, _ proto: IPProtocol) -> [Int] {
        realServerEndpoints.number(of: Endpoint(address: address, port: port, protocolNumber: proto))
            .map { realServerEndpointServices[$0] } ?? []
    }

    /// The services `address` is a real server of.
    func services(ofRealServer address: IPAddress) -> [ServiceVerdict] {
        serviceIndices(ofRealServer: address).map { services[$0] }
    }

    /// Indices into `services` of the services `address` is a real server of: for the
    /// per-record paths, which read a verdict in place rather than copy it.
    func serviceIndices(ofRealServer address: IPAddress) -> [Int] { realServerServices[address] ?? [] }

    func isRealServer(_ address: IPAddress) -> Bool { realServerServices[address] != nil }

    /// The real server that owns `mac`.
    func realServer(mac: MACAddress?) -> IPAddress? { mac.flatMap { realServerByMAC[$0] } }

    func isDirector(_ mac: MACAddress?) -> Bool { mac.map(directorMACs.contains) ?? false }

    /// The MACs that claimed `address` anywhere, sorted.
    func macs(claiming address: IPAddress) -> [MACAddress] { macsByAddress[address] ?? [] }

    /// Whether `mac` claimed `address` (ARP/ND, any kind) at the capture sub-point: the
    /// host with that address is on the point's link.
    func claimed(_ address: IPAddress, by mac: MACAddress?, at point: CapturePointName) -> Bool {
        guard let mac else { return false }
        return claimsAtPoints.contains(PointClaim(address: address, mac: mac, point: point))
    }

    /// Whether any MAC claimed `address` at the sub-point.
    func claimed(_ address: IPAddress, at point: CapturePointName) -> Bool {
        macs(claiming: address).contains { claimed(address, by: $0, at: point) }
    }

    /// The address `mac` claimed that lies closest to `target` (longest common prefix, same
    /// family), leaving out VIPs and local addresses: a director's or router's own address
    /// on `target`'s network, for a remediation's `ip route` command.
    func address(of mac: MACAddress, nearest target: IPAddress) -> IPAddress? {
        let candidates = (addressesByMAC[mac] ?? []).filter {
            $0.isIPv4 == target.isIPv4 && !vips.contains($0) && !localAddresses.contains($0) && $0 != target
        }
        return candidates.max { ServiceTopology.commonPrefix($0, target) < ServiceTopology.commonPrefix($1, target) }
    }

    static func commonPrefix(_ a: IPAddress, _ b: IPAddress) -> Int {
        let bits = a.isIPv4 ? 32 : 128
        var length = 0
        while length < bits, a.isInSameNetwork(as: b, prefixLength: length + 1) { length += 1 }
        return length
    }

    /// How a finding names a host known only by its MAC: the real server's address when
    /// the MAC is one, else the MAC.
    func subject(mac: MACAddress) -> String { realServer(mac: mac)?.description ?? mac.description }
}

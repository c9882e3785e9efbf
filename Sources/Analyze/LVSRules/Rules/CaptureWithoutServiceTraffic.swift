import LVSCapture
import LVSFlows
import LVSInference
import LVSWire

/// A capture point that shows no traffic of any virtual service.
///
/// Rationale: a capture taken on the wrong interface, with a filter that excludes the
/// service, or at a time without load contributes nothing; checks that need its view
/// (a real server's, the director's) silently cannot run.
///
/// Failure caught: a point with no flow to or from a VIP, a real server's service port,
/// or a FULL-NAT local address, and no ARP/ND claim of a VIP.
///
/// Benign look-alikes: none; a notice. With no service found anywhere, every point is
/// noted.
///
/// Fixture: tested with a lab capture read against another scenario's services.
struct CaptureWithoutServiceTraffic: Rule {
    let id = "capture-without-service-traffic"
    let category = FindingCategory.captureQuality
    let severity = Severity.notice
    let title = "Capture shows no traffic of any virtual service"
    let rationale = """
        A capture from the wrong interface, with a filter that excludes the service, or from a quiet time adds \
        nothing, and the checks that need its view cannot run. Notes points without a flow to or from a VIP, a \
        real server's service port or a local address, and without ARP/ND for a VIP.
        """
    let remediation = "Capture on the interface that carries the service (`tcpdump -i <NIC> host <VIP> or host <RIP>`)."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        let topology = context.facts.topology
        var serving = Set<String>()
        // Once a point is known to serve, its other records need no look: a point's records
        // come together, so remembering the last one found skips nearly all of them.
        var lastServing: CapturePointName?
        let records = context.flows.records
        // By index: a record copied out is 440 bytes.
        for i in records.indices where records[i].point != lastServing && touchesService(i, records, topology) {
            serving.insert(records[i].point.point)
            lastServing = records[i].point
        }
        for claim in context.flows.claims.claims where topology.vips.contains(claim.address) {
            serving.insert(claim.point.point)
        }
        return context.flows.points.filter { !serving.contains($0.input.point) }.map { point in
            finding(
                service: nil, subject: point.input.point,
                message: "capture \(point.input.point) (\(point.statistics.packets) packets) holds no traffic of "
                    + (topology.services.isEmpty ? "a virtual service (none was found in any capture)"
                        : "the services found (\(topology.services.map(\.service.description).joined(separator: ", ")))"),
                remediation: "Capture on the interface that carries the service, without a filter that excludes it "
                    + "(`tcpdump -i <NIC> -w \(point.input.path)`).",
                evidence: [])
        }
    }

    private func touchesService(_ i: Int, _ records: [FlowRecord], _ topology: ServiceTopology) -> Bool {
        let (orig, resp) = (records[i].origAddress, records[i].respAddress)
        if topology.isVIP(orig) || topology.isVIP(resp) { return true }
        if topology.localAddresses.contains(orig) { return true }
        if let tunnel = records[i].tunnel, topology.isRealServer(tunnel.destination) { return true }
        return servesAt(orig, port: records[i].origPort, topology)
            || servesAt(resp, port: resp == orig ? records[i].origPort : records[i].respPort, topology)
    }

    /// Whether `address:port` is a real server of a service.
    private func servesAt(_ address: IPAddress, port: UInt16, _ topology: ServiceTopology) -> Bool {
        topology.serviceIndices(ofRealServer: address).contains { s in
            topology.services[s].realServers.contains { $0.address == address && $0.port == port }
        }
    }
}

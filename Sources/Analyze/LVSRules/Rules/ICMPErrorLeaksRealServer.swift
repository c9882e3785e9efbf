import LVSFlows
import LVSInference
import LVSWire

/// ICMP errors from a NAT/FULL-NAT real server's own address reaching the client side
/// (lvs-reference.md §4).
///
/// Rationale: in NAT the director rewrites an ICMP error a real server sends about a
/// forwarded request (outer source RIP → VIP, quoted destination RIP:rport → VIP:vport).
/// An error that reaches a client still from the RIP was not rewritten — the connection
/// entry was gone, or the real server's errors bypass the director — and tells the
/// client (and anyone watching) the private address; clients also discard it, so their
/// error handling (PMTU, port unreachable) does not work.
///
/// Failure caught: at a point that is not the director or a real server (client,
/// router, segment), an ICMP error (destination unreachable, source quench, time
/// exceeded, parameter problem; ICMPv6 types 1–4) whose sender is a real server of a NAT
/// or FULL-NAT service, either as a flow of its own or quoting a client's flow.
///
/// Benign look-alikes: the director's rewritten errors (sent from the VIP); errors on the
/// director's real-server side (before the rewrite); a client's own ICMP errors to a real
/// server (sender is the client); DR/TUN real servers, whose addresses are reachable by
/// design.
///
/// Fixture: hand-built (the lab's conntrack rewrites every error), tested in
/// `ICMPAndMTURulesTests`.
struct ICMPErrorLeaksRealServer: Rule {
    let id = "icmp-error-leaks-real-server"
    let category = FindingCategory.icmp
    let severity = Severity.warning
    let title = "ICMP errors from a NAT real server reach clients unrewritten"
    let rationale = """
        In NAT the director rewrites a real server's ICMP errors about forwarded requests so they come from the \
        VIP. An error that reaches the client side still from the RIP was not rewritten (entry gone, or the \
        server's errors bypass the director): it leaks the private address and the client discards it. Flags \
        ICMP errors sent by a NAT/FULL-NAT real server, seen at a client, router or segment point.
        """
    let remediation = "Route the real server's traffic (ICMP included) through the director, and keep connection entries alive."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        let topology = context.facts.topology
        var seen: [IPAddress: (services: Set<VirtualServiceID>, evidence: [PacketReference], count: Int)] = [:]
        let records = context.flows.records
        // By index: a record copied out is 440 bytes, and most are not ICMP errors.
        for i in records.indices where records[i].protocolNumber == .icmp || records[i].protocolNumber == .icmpv6
            || records[i].icmpErrors != nil {
            guard let (sender, reference) = leakedError(i, records),
                  ![.director, .realServer].contains(topology.role(i, in: records)) else { continue }
            let services = topology.serviceIndices(ofRealServer: sender).filter {
                topology.services[$0].mode == .nat || topology.services[$0].mode == .fullnat
            }
            guard !services.isEmpty else { continue }
            seen.update(sender, default: ([], [], 0)) { entry in
                for s in services { entry.services.insert(topology.services[s].service) }
                entry.evidence.append(reference)
                entry.count += 1
            }
        }
        return seen.keys.sorted().compactMap { sender in
            guard let entry = seen[sender] else { return nil }
            let services = entry.services.sorted()
            let gateway = Gateways.director(facing: sender, context, topology)
            return finding(
                service: services.first, subject: sender.description,
                message: "ICMP errors from real server \(sender) (\(services.map(\.description).joined(separator: ", "))) "
                    + "reach the client side unrewritten (\(entry.count) flows): the director did not translate them "
                    + "to the VIP",
                remediation: "On \(sender): route through the director (`"
                    + Remedy.defaultRoute(via: gateway, placeholder: "<the director's address on this network>",
                                          family: sender)
                    + "`); on the director keep connection entries as long as the application (`ipvsadm --set`).",
                evidence: entry.evidence)
        }
    }

    /// The sender of an ICMP error `records[i]` is, or that quoted it.
    private func leakedError(_ i: Int, _ records: [FlowRecord]) -> (IPAddress, PacketReference)? {
        let proto = records[i].protocolNumber
        if proto == .icmp || proto == .icmpv6, records[i].orig.packets > 0,
           isErrorType(UInt8(truncatingIfNeeded: records[i].origPort), v4: proto == .icmp) {
            return (records[i].origAddress, PacketReference(firstOf: i, in: records))
        }
        if let error = records[i].icmpErrors, error.sender != records[i].origAddress,
           error.sender != records[i].respAddress {
            return (error.sender, PacketReference(errorOf: i, in: records, error))
        }
        return nil
    }

    private func isErrorType(_ type: UInt8, v4: Bool) -> Bool {
        v4 ? [3, 4, 11, 12].contains(type) : (1...4).contains(type)
    }
}

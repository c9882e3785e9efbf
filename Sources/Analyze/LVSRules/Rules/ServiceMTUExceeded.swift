import LVSFlows
import LVSInference
import LVSWire

/// Clients' full-size packets to a VIP that the director cannot forward: ICMP
/// fragmentation needed / packet too big from the VIP (lvs-reference.md §1.2, §2.3,
/// §9.7, §9.16).
///
/// Rationale: the director checks each forwarded packet against the route MTU toward
/// the real server minus the tunnel overhead (20 bytes IPIP, 40 for an IPv6 outer header,
/// more for GUE/GRE). A DF packet that does not fit is dropped and answered with
/// frag-needed (type 3 code 4) from the VIP; if the client never lowers its segment size
/// (the ICMP is filtered on the way back) the transfer stalls after the handshake, with
/// the same large segments retransmitted.
///
/// Failure caught: an ICMP frag-needed / packet-too-big quoting a client → VIP packet,
/// sent by the VIP or a director address; reported as a black hole when the client's
/// segments were retransmitted.
///
/// Benign look-alikes: one PMTU round (the client adapts: no retransmissions); errors
/// quoting other traffic; path-MTU errors from routers about replies (about the VIP →
/// client direction, not quoted as a request).
///
/// Fixture: hand-built TUN director capture (`ICMPAndMTURulesTests`): a 1500-byte DF
/// segment to the VIP, frag-needed with MTU 1480 from the VIP, the segment retransmitted.
struct ServiceMTUExceeded: Rule {
    let id = "service-mtu-exceeded"
    let category = FindingCategory.mtu
    let severity = Severity.warning
    let title = "Director cannot forward full-size client packets (ICMP frag-needed from the VIP)"
    let rationale = """
        The director drops a DF packet that does not fit the route MTU toward the real server minus the tunnel \
        overhead (IPIP 20, IPv6 40, GUE/GRE more) and answers frag-needed / packet-too-big from the VIP; if the \
        client does not adapt, transfers stall after the handshake. Flags such errors quoting client → VIP \
        packets; a black hole when the client keeps retransmitting.
        """
    let remediation = """
        Lower the MSS the real servers advertise so client segments fit (`ip route change default via <gw> \
        advmss <MTU-40-overhead>` on the real server, or TCPMSS clamping), or raise the MTU toward the real servers.
        """

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        let topology = context.facts.topology
        var seen: [VirtualServiceID: (mtus: Set<UInt32>, flows: Int, retransmitting: Int, evidence: [PacketReference])] = [:]
        let records = context.flows.records
        // Indices first: only records that drew an ICMP error are copied out.
        for i in records.indices where records[i].icmpErrors != nil {
            let record = records[i]
            guard let service = topology.requestService(record), let error = record.icmpErrors, error.isTooBig,
                  error.sender == service.service.vip || topology.directorAddresses.contains(error.sender) else { continue }
            seen.update(service.service, default: ([], 0, 0, [])) { entry in
                if let mtu = error.mtu { entry.mtus.insert(mtu) }
                entry.flows += 1
                if record.orig.retransmissions > 0 { entry.retransmitting += 1 }
                entry.evidence.append(PacketReference(errorOf: record, error))
            }
        }
        return seen.keys.sorted().compactMap { id in
            guard let entry = seen[id], let verdict = context.inference.verdict(for: id) else { return nil }
            let mtu = entry.mtus.min()
            let tunnel = verdict.mode == .tun ? " (the IP-in-IP header takes \(id.vip.isIPv4 ? 20 : 40) bytes)" : ""
            var message = "the director answers \(entry.flows) client flows to \(id) with "
                + "\(id.vip.isIPv4 ? "fragmentation needed" : "packet too big")\(mtu.map { " (MTU \($0))" } ?? ""): "
                + "full-size client packets do not fit toward the real servers\(tunnel)"
            if entry.retransmitting > 0 {
                message += "; \(entry.retransmitting) of them kept retransmitting (PMTU black hole)"
            }
            let servers = verdict.realServers.map(\.address.description).joined(separator: ", ")
            let mss = mtu.map { Int($0) - (id.vip.isIPv4 ? 40 : 60) }
            return finding(
                service: id, subject: verdict.realServers.count == 1 ? servers : id.vip.description,
                message: message,
                remediation: "On the real servers (\(servers)): advertise an MSS that fits (`ip route change default "
                    + "via <gateway> advmss \(mss.map(String.init) ?? "<MTU - 40>")`), or clamp it on the director "
                    + "(`iptables -t mangle -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu`); "
                    + "and let ICMP errors reach the clients.",
                evidence: entry.evidence)
        }
    }
}

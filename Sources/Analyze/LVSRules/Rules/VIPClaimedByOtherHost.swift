import LVSFlows
import LVSInference
import LVSWire

/// A host other than the director that answers ARP / neighbour discovery for a VIP, or
/// announces it (lvs-reference.md §2.2, §9.3).
///
/// Rationale: a DR/TUN real server holds the VIP on `lo` and must never claim it on the
/// wire. With `arp_ignore=0` it answers ARP requests for the VIP, racing the director;
/// with `arp_announce=0` it uses the VIP as the sender address of its own ARP requests
/// (whenever it resolves a neighbour for a packet from the VIP, i.e. its replies), which
/// rewrites the router's cache entry; a gratuitous ARP does the same when the address
/// comes up. The router then sends client traffic straight to that real server, bypassing
/// the scheduler.
///
/// Failure caught: any ARP reply, gratuitous ARP, ARP request with sender IP = VIP,
/// neighbour advertisement for the VIP or solicitation from the VIP, by a MAC that is not
/// a director's.
///
/// Benign look-alikes: the director's own claims (its ARP replies, and its requests from
/// the VIP when it answers pings in DR); a backup director taking over (keepalived's
/// gratuitous ARP from a MAC that also sends VRRP adverts, IP protocol 112, counted as a
/// director).
///
/// Fixture: `dr-arp-leak` (rs2 with `arp_ignore=0`, `arp_announce=0`).
struct VIPClaimedByOtherHost: Rule {
    let id = "vip-claimed-by-other-host"
    let category = FindingCategory.arpLeak
    let severity = Severity.error
    let title = "A host other than the director answers ARP/ND for the VIP or announces it"
    let rationale = """
        Only the director may claim a VIP on the wire. A DR/TUN real server with arp_ignore=0 answers ARP for \
        the VIP; with arp_announce=0 it sends ARP requests with the VIP as sender; either rewrites the \
        router's neighbour entry so clients bypass the director. Flags ARP replies, gratuitous ARP, requests \
        with sender IP = VIP, and IPv6 neighbour advertisements/solicitations for the VIP from any MAC that \
        is not a director's (MACs sending VRRP adverts count as directors).
        """
    let remediation = """
        On the real server: `sysctl -w net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.all.arp_announce=2` and the \
        same for its NIC, with the VIP only on lo.
        """

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        let topology = context.facts.topology
        var byHost: [MACAddress: [AddressClaim]] = [:]
        for claim in context.flows.claims.claims where topology.vips.contains(claim.address) {
            if isLeak(claim, topology) { byHost[claim.mac, default: []].append(claim) }
        }
        return byHost.keys.sorted().compactMap { mac in
            guard let claims = byHost[mac], let vip = claims.first?.address else { return nil }
            let subject = topology.subject(mac: mac)
            let kinds = Set(claims.map(\.kind)).sorted().map(\.rawValue).joined(separator: ", ")
            let points = Set(claims.map(\.point.point)).sorted().joined(separator: ", ")
            let service = topology.services.first { $0.service.vip == vip }?.service
            return finding(
                service: service, subject: subject,
                message: "\(mac)\(subject == mac.description ? "" : " (real server \(subject))") claims VIP \(vip) "
                    + "on the wire (\(kinds); seen at \(points)): neighbours may send VIP traffic to it instead of the "
                    + "director",
                remediation: "On \(subject): \(Remedy.silenceVIP(vip)).",
                evidence: claims.map { PacketReference(claim: $0) })
        }
    }

    /// A claim for a VIP by a MAC that is not a director's. Without known director MACs
    /// only real servers' MACs can be told apart.
    private func isLeak(_ claim: AddressClaim, _ topology: ServiceTopology) -> Bool {
        if topology.directorMACs.isEmpty { return topology.realServer(mac: claim.mac) != nil }
        return !topology.isDirector(claim.mac)
    }
}

import LVSFlows
import LVSInference
import LVSWire

/// Packets whose transport checksum is wrong after the director rewrote them, while the
/// same packets were correct before (lvs-reference.md §3).
///
/// Rationale: NAT and FULL-NAT change addresses and ports and must update the TCP/UDP
/// checksum (incrementally, or in full); a director that gets it wrong — or a NIC told to
/// fill a checksum it then does not — sends packets every receiver drops, so connections
/// stall with retransmissions.
///
/// Failure caught: in one stitched connection, requests with bad checksums on the leg
/// after the director (a rewritten leg) while the client's leg carried them with good
/// checksums; or replies bad on the client's leg while good on the real server's leg.
///
/// Benign look-alikes: checksum offload on the capturing host (the checksum holds the
/// pseudo-header sum: `capture-checksum-offload`, a capture artifact); packets already
/// bad before the director (IPVS's incremental update carries the error through: not the
/// director's fault, not reported); ICMP errors' quoted transport checksums, stale by
/// design.
///
/// Fixture: hand-built NAT director capture (`ChecksumRulesTests`): a client → VIP segment
/// with a good checksum and its rewritten copy client → RIP with a bad one.
struct BadChecksumAfterRewrite: Rule {
    let id = "bad-checksum-after-rewrite"
    let category = FindingCategory.checksum
    let severity = Severity.error
    let title = "Director's rewrite leaves bad transport checksums"
    let rationale = """
        NAT and FULL-NAT rewrite addresses and ports and must update the TCP/UDP checksum; a director (or its \
        NIC) that gets it wrong sends packets every receiver drops. Flags connections whose packets are good \
        before the director and bad after it (requests on the real-server leg, replies on the client leg). \
        Checksum offload on the capturing host is a capture artifact, not this.
        """
    let remediation = "On the director: check the NIC's checksum offload (`ethtool -K <NIC> tx off` to test) and the IPVS/DPVS version."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        let records = context.flows.records
        // Nearly every capture has no bad checksum at all: one plain pass settles it.
        guard records.contains(where: { $0.orig.badChecksums > 0 || $0.resp.badChecksums > 0 }) else { return [] }
        let topology = context.facts.topology
        var byUID: [FlowUID: Int] = [:]
        for (i, record) in records.enumerated() { byUID[record.uid] = i }
        var seen: [VirtualServiceID: (requests: Int, replies: Int, evidence: [PacketReference])] = [:]
        for connection in context.correlation.connections where connection.rewrites.isRewritingAddresses {
            guard let client = connection.legs.first, connection.legs.count > 1 else { continue }
            let before = client.observations.compactMap { byUID[$0.uid].map { records[$0] } }
            let after = connection.legs.dropFirst().flatMap(\.observations).compactMap { byUID[$0.uid].map { records[$0] } }
            guard let service = before.lazy.compactMap(topology.requestService).first else { continue }
            let badRequests = after.filter { $0.orig.badChecksums > 0 && $0.orig.offloadedChecksums == 0 }
            let badReplies = before.filter { $0.resp.badChecksums > 0 && $0.resp.offloadedChecksums == 0 }
            let requestsWereGood = before.contains { $0.orig.packets > 0 && $0.orig.badChecksums == 0 }
            let repliesWereGood = after.contains { $0.resp.packets > 0 && $0.resp.badChecksums == 0 }
            let requests = !badRequests.isEmpty && requestsWereGood
            let replies = !badReplies.isEmpty && repliesWereGood
            guard requests || replies else { continue }
            seen.update(service.service, default: (0, 0, [])) { entry in
                if requests {
                    entry.requests += 1
                    entry.evidence += badRequests.map { PacketReference(firstOf: $0) }
                }
                if replies {
                    entry.replies += 1
                    entry.evidence += badReplies.map { PacketReference(firstOf: $0) }
                }
            }
        }
        return seen.keys.sorted().compactMap { id in
            guard let entry = seen[id] else { return nil }
            return finding(
                service: id, subject: id.vip.description,
                message: "the director of \(id) sends packets with bad transport checksums that were good before it: "
                    + "\(entry.requests) connections' requests toward the real servers, \(entry.replies) connections' "
                    + "replies toward the clients; receivers drop them",
                remediation: "On the director owning \(id.vip): test without transmit checksum offload on the NIC that "
                    + "sends them (`ethtool -K <NIC> tx off`), and check the IPVS/DPVS version's checksum handling.",
                evidence: entry.evidence)
        }
    }
}

import LVSFlows
import LVSInference
import LVSWire

/// Finds the `OnLinkClient`s of the NAT services.
enum OnLinkClients {
    /// `attempts` name each NAT real-server leg (`RealServerAttempts.find`).
    static func find(_ context: AnalysisContext, _ topology: ServiceTopology, foreign: [ForeignReply],
                     attempts: [RealServerAttempt]) -> [OnLinkClient] {
        let records = context.flows.records
        var found: [ServiceClient: [PacketReference]] = [:]
        // Records read in place, by index: one copied out is 440 bytes.
        for a in attempts.indices where attempts[a].mode == .nat && seenOnLink(attempts[a].record, records, topology) {
            let i = attempts[a].record
            found[ServiceClient(service: attempts[a].service, client: records[i].origAddress), default: []]
                .append(PacketReference(firstOf: i, in: records))
        }
        for reply in foreign where reply.service.mode == .nat && topology.claimed(reply.source, by: reply.replyMAC,
                                                                                   at: reply.point) {
            found[ServiceClient(service: reply.service.service, client: reply.client), default: []]
                .append(PacketReference(firstOf: reply.reply, in: records))
        }
        return found.keys.sorted { ($0.service, $0.client) < ($1.service, $1.client) }.map {
            OnLinkClient(service: $0.service, client: $0.client, evidence: found[$0] ?? [])
        }
    }

    /// A NAT real-server leg that shows its client on the same link: at the real server
    /// the answer's next hop is a MAC that claimed the client's address here; elsewhere
    /// the client's address was claimed here and the forwarded request got no answer.
    private static func seenOnLink(_ i: Int, _ records: [FlowRecord], _ topology: ServiceTopology) -> Bool {
        let client = records[i].origAddress
        if topology.role(i, in: records) == .realServer {
            guard records[i].resp.packets > 0, let nextHop = records.primaryLeg(.resp, of: i)?.destination,
                  nextHop != records.primaryLeg(.orig, of: i)?.source else { return false }
            return topology.claimed(client, by: nextHop, at: records[i].point)
        }
        return !records[i].wasAnswered && topology.claimed(client, at: records[i].point)
    }
}

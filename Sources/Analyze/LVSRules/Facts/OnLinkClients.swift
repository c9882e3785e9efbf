import LVSFlows
import LVSInference
import LVSWire

/// Finds the `OnLinkClient`s of the NAT services.
enum OnLinkClients {
    /// `attempts` name each NAT real-server leg (`RealServerAttempts.find`).
    static func find(_ context: AnalysisContext, _ topology: ServiceTopology, foreign: [ForeignReply],
                     attempts: [RealServerAttempt]) -> [OnLinkClient] {
        var found: [ServiceClient: [PacketReference]] = [:]
        for attempt in attempts where attempt.mode == .nat {
            let record = context.flows.records[attempt.record]
            if seenOnLink(record, topology) {
                found[ServiceClient(service: attempt.service, client: record.origAddress), default: []]
                    .append(PacketReference(firstOf: record))
            }
        }
        for reply in foreign where reply.service.mode == .nat && topology.claimed(reply.source, by: reply.replyMAC,
                                                                                   at: reply.point) {
            found[ServiceClient(service: reply.service.service, client: reply.client), default: []]
                .append(PacketReference(firstOf: context.flows.records[reply.reply]))
        }
        return found.keys.sorted { ($0.service, $0.client) < ($1.service, $1.client) }.map {
            OnLinkClient(service: $0.service, client: $0.client, evidence: found[$0] ?? [])
        }
    }

    /// A NAT real-server leg that shows its client on the same link: at the real server
    /// the answer's next hop is a MAC that claimed the client's address here; elsewhere
    /// the client's address was claimed here and the forwarded request got no answer.
    private static func seenOnLink(_ record: FlowRecord, _ topology: ServiceTopology) -> Bool {
        let client = record.origAddress
        if topology.role(record) == .realServer {
            guard record.resp.packets > 0, let nextHop = record.primaryLeg(.resp)?.destination,
                  nextHop != record.primaryLeg(.orig)?.source else { return false }
            return topology.claimed(client, by: nextHop, at: record.point)
        }
        return !record.wasAnswered && topology.claimed(client, at: record.point)
    }
}

import LVSFlows
import LVSInference
import LVSWire

/// Clients of a NAT service that sit on the real servers' own link (a "one-arm" NAT
/// client, lvs-reference.md §9.1): the real servers answer them directly instead of
/// through the director, and their connections fail. Seen three ways:
/// - at a real server: its answer to the client goes to the client's own MAC;
/// - at the director: the client's address is claimed (ARP/ND) on the link where the
///   director forwards to the real servers, and its forwarded requests go unanswered;
/// - at the client: the answer comes from a real server's address and MAC, on-link.
struct OnLinkClient {
    var service: VirtualServiceID
    var client: IPAddress
    var evidence: [PacketReference]

    var pair: ServiceClient { ServiceClient(service: service, client: client) }
}

/// A client of one service.
struct ServiceClient: Hashable {
    var service: VirtualServiceID
    var client: IPAddress
}

enum OnLinkClients {
    static func find(_ context: AnalysisContext, _ topology: ServiceTopology,
                     foreign: [ForeignReply]) -> [OnLinkClient] {
        var found: [ServiceClient: [PacketReference]] = [:]
        for record in context.flows.records where record.isAttempt {
            guard let (service, _) = RealServerAttempts.identify(record, topology), service.mode == .nat else { continue }
            if seenOnLink(record, topology) {
                found[ServiceClient(service: service.service, client: record.origAddress), default: []]
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

import LVSCapture
import LVSFlows
import LVSInference
import LVSWire

/// Finds the attempts that reached each real server, at every capture point that shows
/// the director → real-server leg: a NAT/FULL-NAT leg to RIP:port, or a DR/TUN request
/// whose frame went to the real server's MAC (or through a tunnel to its RIP).
enum RealServerAttempts {
    /// An unanswered UDP attempt this close to the end of its capture may still have been
    /// answered after the capture stopped.
    static let pendingWindow: Int64 = 1_000_000_000

    static func find(_ context: AnalysisContext, _ topology: ServiceTopology,
                     foreign: [ForeignReply]) -> [RealServerAttempt] {
        let records = context.flows.records
        let answeredAway = Set(foreign.map { AnsweredAway(point: $0.point, client: $0.client, port: $0.clientPort) })
        let ends = Dictionary(context.flows.points.map { ($0.input.point, $0.end?.rawValue ?? .max) },
                              uniquingKeysWith: { a, _ in a })
        var attempts: [RealServerAttempt] = []
        for (i, record) in records.enumerated() where record.isAttempt {
            guard let (service, server) = identify(record, topology) else { continue }
            var outcome = outcome(of: record, answeredAway: answeredAway)
            // A client that got nothing retransmits its SYN: without that, a missing answer
            // may be the capture's loss (a flow split over VLANs, a dropped frame).
            let unconfirmed = record.isTCP ? record.orig.retransmissions == 0
                : record.firstTime.rawValue > (ends[record.point.point] ?? .max) - pendingWindow
            if outcome == .unanswered, unconfirmed { outcome = .pending }
            attempts.append(RealServerAttempt(
                service: service.service, mode: service.mode, server: server, record: i,
                key: key(record, server, context.correlation), client: client(record, service, context),
                outcome: outcome, judged: judged(record, service, topology, outcome), time: record.firstTime,
                evidence: PacketReference(firstOf: record)))
        }
        return attempts
    }

    private struct AnsweredAway: Hashable {
        var point: CapturePointName
        var client: IPAddress
        var port: UInt16
    }

    private static func outcome(of record: FlowRecord, answeredAway: Set<AnsweredAway>) -> RealServerAttempt.Outcome {
        if record.wasRefused { return .refused }
        if record.wasAnswered { return .answered }
        let away = AnsweredAway(point: record.point, client: record.origAddress, port: record.origPort)
        if record.originatorResetUnanswered || answeredAway.contains(away) { return .answeredElsewhere }
        return .unanswered
    }

    /// The service and real server of a flow on the real-server side, if it is one.
    static func identify(_ record: FlowRecord, _ topology: ServiceTopology) -> (ServiceVerdict, IPAddress)? {
        if topology.isRealServer(record.respAddress) {
            for i in topology.serviceIndices(ofRealServer: record.respAddress)
            where topology.services[i].service.protocolNumber == record.protocolNumber
                && isRewrittenLeg(record, topology.services[i], topology) {
                return (topology.services[i], record.respAddress)
            }
        }
        guard let i = topology.directServiceIndex(record) else { return nil }
        let service = topology.services[i]
        let servers = Set(service.realServers.map(\.address))
        if let tunnel = record.tunnel, servers.contains(tunnel.destination) { return (service, tunnel.destination) }
        for leg in record.legs(.orig) {
            if let server = topology.realServer(mac: leg.destination), servers.contains(server) { return (service, server) }
        }
        for leg in record.legs(.resp) {
            if let server = topology.realServer(mac: leg.source), servers.contains(server) { return (service, server) }
        }
        return nil
    }

    /// A NAT or FULL-NAT leg to one of the service's real servers, from a client (NAT) or
    /// a local address (FULL-NAT), not a health check from the director's own address.
    private static func isRewrittenLeg(_ record: FlowRecord, _ service: ServiceVerdict,
                                       _ topology: ServiceTopology) -> Bool {
        guard service.realServers.contains(where: { $0.address == record.respAddress && $0.port == record.respPort })
        else { return false }
        switch service.mode {
        case .nat:
            return !topology.directorAddresses.contains(record.origAddress) && !topology.vips.contains(record.origAddress)
        case .fullnat:
            return service.localAddresses.isEmpty ? !topology.vips.contains(record.origAddress)
                : service.localAddresses.contains(record.origAddress)
        default:
            return false
        }
    }

    private static func judged(_ record: FlowRecord, _ service: ServiceVerdict, _ topology: ServiceTopology,
                               _ outcome: RealServerAttempt.Outcome) -> Bool {
        if outcome != .unanswered && outcome != .pending { return true }
        switch service.mode {
        case .nat, .fullnat: return true
        default: return [.realServer, .segment].contains(topology.role(record))
        }
    }

    /// The attempt's stitched connection when correlation found one, else its tuple.
    static func key(_ record: FlowRecord, _ server: IPAddress,
                            _ correlation: CorrelationResult) -> RealServerAttempt.Key {
        if let member = correlation.membership[record.uid] { return .connection(member.connection) }
        return .tuple(record.protocolNumber, record.origAddress, record.origPort, server)
    }

    private static func client(_ record: FlowRecord, _ service: ServiceVerdict,
                               _ context: AnalysisContext) -> IPAddress? {
        guard service.mode == .fullnat else { return record.origAddress }
        guard let first = context.correlation.connection(of: record.uid)?.legs.first,
              !service.localAddresses.contains(first.origAddress) else { return nil }
        return first.origAddress
    }

    /// Per service and real server, each attempt counted once with its best outcome, in
    /// service then server order, each server's attempts in time order.
    static func tally(_ attempts: [RealServerAttempt]) -> [RealServerTally] {
        // One flat table from (service, server, attempt key) to the best sighting so far
        // (by index) and whether any sighting could judge it: nested dictionaries of
        // copied attempts cost a few thousand instructions per attempt.
        struct Sighting: Hashable {
            var service: VirtualServiceID
            var server: IPAddress
            var key: RealServerAttempt.Key
        }
        var best: [Sighting: (index: Int, judged: Bool)] = [:]
        best.reserveCapacity(attempts.count)
        for i in attempts.indices {
            let sighting = Sighting(service: attempts[i].service, server: attempts[i].server, key: attempts[i].key)
            // One hash for a first sighting (most are), a second only to merge a repeat.
            guard let (old, judged) = best.updateValue((i, attempts[i].judged), forKey: sighting) else { continue }
            best[sighting] = (isBetter(attempts[i], than: attempts[old]) ? i : old, judged || attempts[i].judged)
        }
        // Grouped by server before sorting: the few servers sort by address, each one's
        // attempts by time, and no comparison of addresses runs per attempt.
        struct Server: Hashable {
            var service: VirtualServiceID
            var server: IPAddress
        }
        var byServer: [Server: [RealServerAttempt]] = [:]
        for entry in best.values {
            var attempt = attempts[entry.index]
            attempt.judged = entry.judged
            byServer[Server(service: attempt.service, server: attempt.server), default: []].append(attempt)
        }
        return byServer.keys.sorted { ($0.service, $0.server) < ($1.service, $1.server) }.map { id in
            let list = (byServer[id] ?? []).sorted { ($0.time, $0.record) < ($1.time, $1.record) }
            var tally = RealServerTally(service: id.service, mode: list.first?.mode ?? .unknown, server: id.server)
            for attempt in list { count(attempt, into: &tally) }
            return tally
        }
    }

    /// A better outcome, or the same one seen where it could be judged.
    private static func isBetter(_ new: RealServerAttempt, than old: RealServerAttempt) -> Bool {
        new.outcome < old.outcome || (new.outcome == old.outcome && new.judged && !old.judged)
    }

    private static func count(_ attempt: RealServerAttempt, into tally: inout RealServerTally) {
        tally.attempts += 1
        tally.attemptEvidence.append(attempt.evidence)
        switch attempt.outcome {
        case .answered: tally.answered += 1
        case .refused:
            tally.refused += 1
            tally.refusedEvidence.append(attempt.evidence)
        case .answeredElsewhere: tally.answeredElsewhere += 1
        case .unanswered where attempt.judged:
            tally.unanswered += 1
            tally.unansweredEvidence.append(attempt.evidence)
        case .unanswered, .pending: break
        }
    }
}

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
                     foreign: [ForeignReply], parallelFrom: Int = .max) -> [RealServerAttempt] {
        let records = context.flows.records
        let answeredAway = Set(foreign.map { AnsweredAway(point: $0.point, client: $0.client, port: $0.clientPort) })
        let ends = Dictionary(context.flows.points.map { ($0.input.point, $0.end?.rawValue ?? .max) },
                              uniquingKeysWith: { a, _ in a })
        // Fields read through the array: a record copied out is 440 bytes and a few retains.
        // Each candidate is judged on its own: with many records, the records are picked
        // and judged in chunks on two threads, joined in record order.
        guard records.count >= parallelFrom else {
            return attempts(records.indices, context, topology, answeredAway, ends)
        }
        return inParallelChunks(count: records.count, chunkSize: 8192) { range in
            attempts(range, context, topology, answeredAway, ends)
        }
    }

    /// The attempts among the records in `range`.
    private static func attempts(_ range: Range<Int>, _ context: AnalysisContext,
                                 _ topology: ServiceTopology, _ answeredAway: Set<AnsweredAway>,
                                 _ ends: [String: Int64]) -> [RealServerAttempt] {
        let records = context.flows.records
        let candidates = range.filter { records[$0].isAttempt }
        var attempts: [RealServerAttempt] = []
        // Room for every candidate: growing moves the attempts found so far.
        attempts.reserveCapacity(candidates.count)
        for i in candidates {
            guard let (s, server) = identify(i, records, topology) else { continue }
            var outcome = outcome(of: i, records, answeredAway: answeredAway)
            // A client that got nothing retransmits its SYN: without that, a missing answer
            // may be the capture's loss (a flow split over VLANs, a dropped frame).
            let unconfirmed = records[i].isTCP ? records[i].orig.retransmissions == 0
                : records[i].firstTime.rawValue > (ends[records[i].point.point] ?? .max) - pendingWindow
            if outcome == .unanswered, unconfirmed { outcome = .pending }
            let mode = topology.services[s].mode
            attempts.append(RealServerAttempt(
                service: topology.services[s].service, mode: mode, server: server, record: i,
                key: key(i, records, server, context.correlation),
                client: client(i, records, s, topology, context), outcome: outcome,
                judged: judged(i, records, mode, outcome, topology), time: records[i].firstTime,
                evidence: PacketReference(firstOf: i, in: records)))
        }
        return attempts
    }

    private struct AnsweredAway: Hashable {
        var point: CapturePointName
        var client: IPAddress
        var port: UInt16
    }

    private static func outcome(of i: Int, _ records: [FlowRecord],
                                answeredAway: Set<AnsweredAway>) -> RealServerAttempt.Outcome {
        if records.wasRefused(i) { return .refused }
        if records[i].wasAnswered { return .answered }
        if records[i].originatorResetUnanswered { return .answeredElsewhere }
        let away = AnsweredAway(point: records[i].point, client: records[i].origAddress, port: records[i].origPort)
        return answeredAway.contains(away) ? .answeredElsewhere : .unanswered
    }

    /// The service (an index into `topology.services`) and real server of
    /// `records[i]` when it is a flow on the real-server side.
    static func identify(_ i: Int, _ records: [FlowRecord],
                         _ topology: ServiceTopology) -> (service: Int, server: IPAddress)? {
        let address = records[i].respAddress
        for s in topology.serviceIndices(ofRealServer: address, port: records[i].respPort, records[i].protocolNumber)
        where isRewrittenLeg(from: records[i].origAddress, topology.services[s], topology) {
            return (s, address)
        }
        guard let s = topology.directServiceIndex(at: i) else { return nil }
        let servers = topology.services[s].realServers
        if let tunnel = records[i].tunnel, servers.contains(where: { $0.address == tunnel.destination }) {
            return (s, tunnel.destination)
        }
        for count in records[i].linkLegs where count.direction == .orig {
            if let server = topology.realServer(mac: count.leg.destination),
               servers.contains(where: { $0.address == server }) { return (s, server) }
        }
        for count in records[i].linkLegs where count.direction == .resp {
            if let server = topology.realServer(mac: count.leg.source),
               servers.contains(where: { $0.address == server }) { return (s, server) }
        }
        return nil
    }

    /// A NAT or FULL-NAT leg (to one of the service's real servers) from a client (NAT) or
    /// a local address (FULL-NAT), not a health check from the director's own address.
    private static func isRewrittenLeg(from origin: IPAddress, _ service: ServiceVerdict,
                                       _ topology: ServiceTopology) -> Bool {
        switch service.mode {
        case .nat:
            return !topology.isDirectorAddress(origin) && !topology.isVIP(origin)
        case .fullnat:
            return service.localAddresses.isEmpty ? !topology.isVIP(origin)
                : service.localAddresses.contains(origin)
        default:
            return false
        }
    }

    private static func judged(_ i: Int, _ records: [FlowRecord], _ mode: InferredMode,
                               _ outcome: RealServerAttempt.Outcome, _ topology: ServiceTopology) -> Bool {
        if outcome != .unanswered && outcome != .pending { return true }
        switch mode {
        case .nat, .fullnat: return true
        default: return [.realServer, .segment].contains(topology.inference.role(of: records[i].point.point))
        }
    }

    /// The attempt's stitched connection when correlation found one, else its tuple.
    static func key(_ i: Int, _ records: [FlowRecord], _ server: IPAddress,
                    _ correlation: CorrelationResult) -> RealServerAttempt.Key {
        if let member = correlation.member(at: i, uid: records[i].uid) {
            return .connection(member.connection)
        }
        return .tuple(records[i].protocolNumber, records[i].origAddress, records[i].origPort, server)
    }

    private static func client(_ i: Int, _ records: [FlowRecord], _ service: Int, _ topology: ServiceTopology,
                               _ context: AnalysisContext) -> IPAddress? {
        guard topology.services[service].mode == .fullnat else { return records[i].origAddress }
        let member = context.correlation.member(at: i, uid: records[i].uid)
        guard let connection = member?.connection,
              let first = context.correlation.connections[connection].legs.first,
              !topology.services[service].localAddresses.contains(first.origAddress) else { return nil }
        return first.origAddress
    }

    /// Per service and real server, each attempt counted once with its best outcome, in
    /// service then server order, each server's attempts in time order.
    static func tally(_ attempts: [RealServerAttempt]) -> [RealServerTally] {
        // The few servers are numbered as they come (no hash per attempt). Each distinct
        // (server, attempt key) is an entry: the best sighting so far (by index) and whether
        // any sighting could judge it. Most keys are stitched connections, whose numbers
        // are dense: they find their entries through a flat table by connection, chained
        // per server; only tuple keys are hashed.
        var servers = Numbering<ServiceServer>()
        var serverOf = [Int](repeating: 0, count: attempts.count)
        var entries = BestSightings(connections: attempts.reduce(0) { most, attempt in
            guard case let .connection(number) = attempt.key else { return most }
            return max(most, number + 1)
        })
        for i in attempts.indices {
            serverOf[i] = servers.number(ServiceServer(service: attempts[i].service, server: attempts[i].server))
            let entry = entries.entry(server: serverOf[i], key: attempts[i].key, first: i, judged: attempts[i].judged)
            // A first sighting (most are) is its entry already; a repeat merges into it.
            guard let entry else { continue }
            let old = entries.best[entry].index
            entries.best[entry] = (isBetter(i, than: old, attempts) ? i : old,
                                   entries.best[entry].judged || attempts[i].judged)
        }
        var judged = [Bool?](repeating: nil, count: attempts.count)
        for entry in entries.best { judged[entry.index] = entry.judged }
        // The counted attempts of each server in the order given, which is time order when
        // the attempts come in record order (as `find` lists them): then nothing is sorted.
        let ranks = servers.ranks { ($0.service, $0.server) < ($1.service, $1.server) }
        var byServer = [[Int]](repeating: [], count: ranks.count)
        for i in attempts.indices where judged[i] != nil { byServer[ranks[serverOf[i]]].append(i) }
        let inTime = { (a: Int, b: Int) in
            (attempts[a].time, attempts[a].record) < (attempts[b].time, attempts[b].record)
        }
        return byServer.compactMap { list in
            let ordered = zip(list, list.dropFirst()).allSatisfy { inTime($0, $1) } ? list : list.sorted(by: inTime)
            guard let first = ordered.first else { return nil }
            var tally = RealServerTally(service: attempts[first].service, mode: attempts[first].mode,
                                        server: attempts[first].server)
            for i in ordered {
                count(attempts[i].outcome, judged: judged[i] ?? attempts[i].judged, attempts[i].evidence, into: &tally)
            }
            return tally
        }
    }

    /// A better outcome, or the same one seen where it could be judged.
    private static func isBetter(_ new: Int, than old: Int, _ attempts: [RealServerAttempt]) -> Bool {
        attempts[new].outcome < attempts[old].outcome
            || (attempts[new].outcome == attempts[old].outcome && attempts[new].judged && !attempts[old].judged)
    }

    private static func count(_ outcome: RealServerAttempt.Outcome, judged: Bool, _ evidence: PacketReference,
                              into tally: inout RealServerTally) {
        tally.attempts += 1
        switch outcome {
        case .answered: tally.answered += 1
        case .refused:
            tally.refused += 1
            tally.refusedEvidence.append(evidence)
        case .answeredElsewhere: tally.answeredElsewhere += 1
        case .unanswered where judged:
            tally.unanswered += 1
            tally.unansweredEvidence.append(evidence)
        case .unanswered, .pending: break
        }
    }
}

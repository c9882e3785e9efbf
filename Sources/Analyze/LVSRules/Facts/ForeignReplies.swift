import LVSCapture
import LVSFlows
import LVSInference
import LVSWire

/// Finds `ForeignReply`s: per capture sub-point, client flows to a VIP:port, and flows
/// between the same client address:port and another address that answered it.
enum ForeignReplies {
    private struct ClientKey: Hashable {
        var point: CapturePointName
        var protocolNumber: IPProtocol
        var client: IPAddress
        var port: UInt16

        /// The numbers only: the point's name is compared, not hashed (hashing its text
        /// for every flow record cost more than the rest of the search). A client address
        /// and port seen at two points share a bucket, which equality tells apart.
        func hash(into hasher: inout Hasher) {
            hasher.combine(client, port: port, protocolNumber: protocolNumber)
        }
    }

    /// A reply must start within this long of the request (a retransmitted SYN's answer
    /// comes seconds later; a reused client port much later).
    static let window: Int64 = 10_000_000_000

    static func find(_ context: AnalysisContext, _ topology: ServiceTopology) -> [ForeignReply] {
        let records = context.flows.records
        var requests: [ClientKey: [Int]] = [:]
        // By index: a record is copied out only when it may be a reply.
        for i in records.indices where records[i].orig.packets > 0 && topology.isRequest(records[i]) {
            requests[ClientKey(point: records[i].point, protocolNumber: records[i].protocolNumber,
                               client: records[i].origAddress, port: records[i].origPort), default: []].append(i)
        }
        var found: [ForeignReply] = []
        for i in records.indices where records[i].isTCP || records[i].isUDP {
            guard !topology.isRequest(records[i]) else { continue }
            let record = records[i]
            for clientSide in [FlowDirection.orig, .resp] {
                let key = ClientKey(point: record.point, protocolNumber: record.protocolNumber,
                                    client: record.address(clientSide),
                                    port: clientSide == .orig ? record.origPort : record.respPort)
                guard let candidates = requests[key] else { continue }
                if let reply = match(i, record, clientSide, candidates, records, topology) {
                    found.append(reply)
                    break
                }
            }
        }
        return found
    }

    private static func match(_ index: Int, _ record: FlowRecord, _ clientSide: FlowDirection, _ candidates: [Int],
                              _ records: [FlowRecord], _ topology: ServiceTopology) -> ForeignReply? {
        let sourceSide = clientSide.reversed
        guard record.stats(sourceSide).packets > 0 else { return nil }
        for j in candidates {
            let request = records[j]
            guard let service = topology.requestService(request),
                  abs(record.firstTime.rawValue - request.firstTime.rawValue) <= window,
                  isReply(record, from: sourceSide, to: service, topology) else { continue }
            // At a NAT director the real server's answer to the rewritten request is its
            // own leg, not a stray reply.
            if service.mode == .nat || service.mode == .fullnat, topology.role(record) == .director { continue }
            let replyMAC = record.stats(sourceSide).mac
            let nextHop = request.primaryLeg(.orig)?.destination
            return ForeignReply(
                service: service, request: j, reply: index, client: request.origAddress, clientPort: request.origPort,
                source: record.address(sourceSide), sourcePort: sourceSide == .orig ? record.origPort : record.respPort,
                point: record.point, replyMAC: replyMAC, requestNextHop: nextHop,
                cameThroughDirector: throughDirector(replyMAC, nextHop, topology))
        }
        return nil
    }

    private static func throughDirector(_ reply: MACAddress?, _ nextHop: MACAddress?,
                                        _ topology: ServiceTopology) -> Bool? {
        guard let reply, let nextHop else { return nil }
        if reply != nextHop { return false }
        return topology.isDirector(nextHop) ? true : nil
    }

    /// Whether the flow plausibly answers the client's request rather than being another
    /// conversation that happens to use the same client port: it comes from a real server
    /// of the service, or it is a SYN-ACK the client never asked for, or a datagram the
    /// client refused with an ICMP error.
    private static func isReply(_ record: FlowRecord, from side: FlowDirection, to service: ServiceVerdict,
                                _ topology: ServiceTopology) -> Bool {
        let source = record.address(side)
        if source == service.service.vip { return false }
        if service.realServers.contains(where: { $0.address == source }) { return true }
        if record.isTCP { return side == .resp && record.synFrame == nil && record.synAckFrame != nil }
        if let error = record.icmpErrors { return error.sender == record.address(side.reversed) }
        return false
    }
}

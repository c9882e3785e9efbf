import LVSCapture
import LVSFlows
import LVSInference
import LVSWire

/// Finds `ForeignReply`s: per capture sub-point, client flows to a VIP:port, and flows
/// between the same client address:port and another address that answered it.
enum ForeignReplies {
    /// A client address and port: the point is compared while walking the requests of one
    /// key, not hashed or copied into the key (hashing its text, or retaining it, for every
    /// flow record cost more than the rest of the search).
    private struct ClientKey: Hashable {
        var protocolNumber: IPProtocol
        var client: IPAddress
        var port: UInt16

        func hash(into hasher: inout Hasher) {
            hasher.combine(client, port: port, protocolNumber: protocolNumber)
        }
    }

    /// The requests of each client key, as chains of record indices in record order: the
    /// first request per key, and after each request the next one with its key (−1 ends a
    /// chain). One table of heads rather than an array per client.
    private struct Requests {
        var heads: [ClientKey: Int] = [:]
        var next: [Int]
        /// One bit per client port that made a request: most flows are ruled out by a port
        /// no client used (a server's) before a key is hashed.
        var clientPorts = [UInt64](repeating: 0, count: 1 << 10)

        func hasClient(port: UInt16) -> Bool { clientPorts[Int(port >> 6)] & (1 << (port & 63)) != 0 }
    }

    /// A reply must start within this long of the request (a retransmitted SYN's answer
    /// comes seconds later; a reused client port much later).
    static let window: Int64 = 10_000_000_000

    static func find(_ context: AnalysisContext, _ topology: ServiceTopology) -> [ForeignReply] {
        let records = context.flows.records
        // At a director only a DR/TUN service's request can have a stray reply (`match`):
        // with NAT and FULL-NAT services alone, the director's records need no look, and
        // when nothing else is left the requests need no table.
        let rewritingOnly = topology.services.allSatisfy { $0.mode == .nat || $0.mode == .fullnat }
        // By index: a record copied out is 440 bytes and the retains of its fields.
        let replies = records.indices.filter { i in
            (records[i].isTCP || records[i].isUDP) && !topology.isRequest(at: i)
                && !(rewritingOnly && topology.role(i, in: records) == .director)
        }
        guard !replies.isEmpty else { return [] }
        let requests = requests(records, topology)
        var found: [ForeignReply] = []
        for i in replies {
            for clientSide in [FlowDirection.orig, .resp] {
                let port = clientSide == .orig ? records[i].origPort : records[i].respPort
                guard requests.hasClient(port: port) else { continue }
                let key = ClientKey(protocolNumber: records[i].protocolNumber, client: records[i].address(clientSide),
                                    port: port)
                guard let head = requests.heads[key] else { continue }
                if let reply = match(i, clientSide, head, requests.next, records, topology) {
                    found.append(reply)
                    break
                }
            }
        }
        return found
    }

    /// The clients' requests to a service (flows that sent something to a VIP:port).
    private static func requests(_ records: [FlowRecord], _ topology: ServiceTopology) -> Requests {
        let indices = records.indices.filter { records[$0].orig.packets > 0 && topology.isRequest(at: $0) }
        var requests = Requests(next: [Int](repeating: -1, count: records.count))
        requests.heads.reserveCapacity(indices.count)
        // Last to first, each in front of its chain: the chains come out in record order.
        for i in indices.reversed() {
            let key = ClientKey(protocolNumber: records[i].protocolNumber, client: records[i].origAddress,
                                port: records[i].origPort)
            if let later = requests.heads.updateValue(i, forKey: key) { requests.next[i] = later }
            requests.clientPorts[Int(key.port >> 6)] |= (1 << (key.port & 63))
        }
        return requests
    }

    /// The first request of the chain at `head`, at the reply's own point, that `records[index]`
    /// answers from its `clientSide`'s peer.
    private static func match(_ index: Int, _ clientSide: FlowDirection, _ head: Int, _ next: [Int],
                              _ records: [FlowRecord], _ topology: ServiceTopology) -> ForeignReply? {
        let sourceSide = clientSide.reversed
        guard records[index].stats(sourceSide).packets > 0 else { return nil }
        var j = head
        while j >= 0 {
            defer { j = next[j] }
            guard records[j].point == records[index].point, let s = topology.requestServiceIndex(at: j),
                  abs(records[index].firstTime.rawValue - records[j].firstTime.rawValue) <= window,
                  isReply(index, records, from: sourceSide, to: s, topology) else { continue }
            // At a NAT director the real server's answer to the rewritten request is its
            // own leg, not a stray reply.
            let mode = topology.services[s].mode
            if mode == .nat || mode == .fullnat, topology.role(index, in: records) == .director { continue }
            let replyMAC = records[index].stats(sourceSide).mac
            let nextHop = records.primaryLeg(.orig, of: j)?.destination
            return ForeignReply(
                service: topology.services[s], request: j, reply: index, client: records[j].origAddress,
                clientPort: records[j].origPort, source: records[index].address(sourceSide),
                sourcePort: sourceSide == .orig ? records[index].origPort : records[index].respPort,
                point: records[index].point, replyMAC: replyMAC, requestNextHop: nextHop,
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
    private static func isReply(_ i: Int, _ records: [FlowRecord], from side: FlowDirection, to s: Int,
                                _ topology: ServiceTopology) -> Bool {
        let source = records[i].address(side)
        if source == topology.services[s].service.vip { return false }
        if topology.services[s].realServers.contains(where: { $0.address == source }) { return true }
        if records[i].isTCP { return side == .resp && records[i].synFrame == nil && records[i].synAckFrame != nil }
        let destination = side.reversed
        if let error = records[i].icmpErrors { return error.sender == records[i].address(destination) }
        return false
    }
}

import LVSFlows
import LVSWire

/// The wire signatures one flow record can show on its own, whatever the capture point's
/// role (lvs-reference.md §8): IP-in-IP toward a real server, a request seen again on
/// another link, TOA, replies from another MAC than the one the requests were sent to,
/// and the VIP arriving at a real server's own MAC.
struct RecordSignatures {
    let context: InferenceContext

    /// The strongest signature of `record`, if any.
    func read(_ record: FlowRecord) -> Reading? {
        tunnel(record) ?? forwardedCopy(record) ?? toa(record) ?? bypass(record) ?? directAtServer(record)
    }

    /// TUN: the request travelled in an outer header from the director (DIP) to the RIP.
    /// Seen also unencapsulated, the capture was the director's; only encapsulated, the
    /// real server's.
    func tunnel(_ r: FlowRecord) -> Reading? {
        guard let tunnel = r.tunnel else { return nil }
        let links = r.linkLegs.filter { $0.direction == .orig }.map(\.leg)
        let outer = links.first(where: \.encapsulated)
        var reading = Reading(.tun, links.contains { !$0.encapsulated } ? .forwardedAtOnePoint : .serverWire,
                              vipVisible: true)
        reading.server = Sighting.Server(address: tunnel.destination, port: r.respPort, mac: outer?.destination)
        reading.directorMACs = outer?.source.map { [$0] } ?? []
        reading.detail = "\(tunnel.kind.rawValue) \(tunnel.source) > \(tunnel.destination)"
        return reading
    }

    /// DR through a director with separate ingress and egress MACs: the same request came
    /// in to one MAC and left from another to a third, and no reply went back that way.
    func forwardedCopy(_ r: FlowRecord) -> Reading? {
        guard r.forwardedCopies > 0, let first = r.primaryLeg(.orig), let into = first.destination else { return nil }
        // One pass over the legs, no filtered lists: read for every DR request, twice.
        var replyLegs = 0
        var out: LinkLeg?
        for count in r.linkLegs {
            switch count.direction {
            case .resp: replyLegs += 1
            case .orig:
                let leg = count.leg
                guard out == nil, !leg.encapsulated, leg != first, leg.destination != nil, leg.destination != into,
                      leg.source != first.source else { continue }
                out = leg
            }
        }
        guard replyLegs <= 1, let out, let serverMAC = out.destination else { return nil }
        var reading = Reading(.dr, .forwardedAtOnePoint, vipVisible: true)
        reading.server = Sighting.Server(address: DirectServer.address(of: serverMAC, serving: r.respAddress,
                                                                       context: context),
                                         port: r.respPort, mac: serverMAC)
        reading.vipMAC = into
        reading.directorMACs = out.source.map { $0 == into ? [into] : [into, $0] } ?? [into]
        return reading
    }

    /// FULL-NAT: only a FULL-NAT director inserts TOA (client address for the real server).
    func toa(_ r: FlowRecord) -> Reading? {
        guard let option = r.toa?.option else { return nil }
        var reading = Reading(.fullnat, .serverWire, vipVisible: false)
        reading.server = Sighting.Server(address: r.respAddress, port: r.respPort, mac: requestLink(r)?.destination)
        reading.localAddress = r.origAddress
        reading.detail = "TOA kind \(option.kind) carrying \(option.address.withPort(option.port))"
        return reading
    }

    /// Upstream of a DR (or TUN) director: requests sent to one MAC (the VIP's), replies
    /// from another that sent them itself (initial TTL) — the real server, bypassing the
    /// director on the way back.
    func bypass(_ r: FlowRecord) -> Reading? {
        guard let request = requestLink(r), let reply = replyLink(r), let into = request.destination,
              let from = reply.source, from != into, reply.destination == request.source,
              InitialTTL.isInitial(r.resp.ttl) else { return nil }
        var reading = Reading(.dr, .bypassUpstream, vipVisible: true)
        reading.server = Sighting.Server(address: DirectServer.address(of: from, serving: r.respAddress,
                                                                       context: context),
                                         port: r.respPort, mac: from)
        reading.vipMAC = into
        reading.directorMACs = [into]
        return reading
    }

    /// A DR real server's own capture: requests to an address its MAC does not claim (the
    /// VIP on `lo`, arp_ignore) while it claims another (its RIP), answered by itself, or
    /// answered toward another next hop than the one that delivered them.
    func directAtServer(_ r: FlowRecord) -> Reading? {
        guard InitialTTL.isInitial(r.resp.ttl), let request = requestLink(r), let reply = replyLink(r),
              !context.configuredServers.contains(r.respAddress) else { return nil }
        let server = reply.source
        guard server != nil, request.destination == nil || request.destination == server,
              reply.cookedPacketType == nil || reply.isOutgoing else { return nil }
        let owned = context.claims.addresses(of: server)
        // Whether it claims another address, asked without building the set of the others
        // (read for every unstitched request, twice).
        let othersExist = owned.contains { $0 != r.respAddress }
        let asymmetric = reply.destination != nil && request.source != nil && reply.destination != request.source
            && !context.claims.owns(reply.destination, r.origAddress)
        let unclaimed = !owned.contains(r.respAddress)
        guard (unclaimed && (othersExist || asymmetric)) || (asymmetric && othersExist) else { return nil }
        var reading = Reading(.dr, .serverWire, vipVisible: true)
        reading.server = Sighting.Server(address: DirectServer.address(of: server, serving: r.respAddress,
                                                                       context: context),
                                         port: r.respPort, mac: server)
        reading.directorMACs = request.source.map { [$0] } ?? []
        var words = unclaimed ? "its MAC never claimed \(r.respAddress)" : "it also claims \(r.respAddress)"
        if let own = owned.lazy.filter({ $0 != r.respAddress }).min() { words += " but claims \(own)" }
        if asymmetric, let next = reply.destination { words += "; replies leave to \(next), not back to the sender" }
        reading.detail = words
        return reading
    }

    func requestLink(_ r: FlowRecord) -> LinkLeg? { r.primaryLeg(.orig) }

    func replyLink(_ r: FlowRecord) -> LinkLeg? {
        guard r.resp.packets > 0 else { return nil }
        return r.primaryLeg(.resp)
    }
}

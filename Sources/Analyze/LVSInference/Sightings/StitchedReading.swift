import LVSFlows
import LVSWire

/// Reads the mode of each connection correlation stitched across its legs: the first hop
/// that added an outer header or rewrote an address is the director's (TUN, FULL-NAT,
/// NAT), else the hop where only the destination MAC changed (DR) — lvs-reference.md §2.
struct StitchedReading {
    let context: InferenceContext

    /// The hop of every stitched connection, in connection order.
    func hops() -> [Hop?] {
        var firstSeen: [TupleAtInput: Int64]?
        return context.input.correlation.connections.map { connection in
            let legs = connection.legs
            guard let head = legs.first, head.protocolNumber == .tcp || head.protocolNumber == .udp
                || head.protocolNumber == .sctp, let (index, mode) = Self.lvsHop(legs) else { return nil }
            let before = legs[index - 1]
            let after = legs[index]
            if mode == .nat || mode == .fullnat, halved(before, after) {
                let times = firstSeen ?? context.firstSeen()
                firstSeen = times
                if startsLater(before, than: after, times) {
                    return Hop(client: after, before: after, after: before, mode: mode)
                }
            }
            return Hop(client: head, before: before, after: after, mode: mode)
        }
    }

    func sightings(_ hops: [Hop?]) -> [Sighting] {
        zip(context.input.correlation.connections, hops).compactMap { connection, hop in
            hop.map { sighting(connection, $0) }
        }
    }

    /// The director's hop of a connection: the leg before and after it, the mode, and the
    /// client's leg (the VIP leg), with the legs put back in order when correlation
    /// ordered halves of flows.
    struct Hop {
        var client: ConnectionLeg
        var before: ConnectionLeg
        var after: ConnectionLeg
        var mode: InferredMode
    }

    func sighting(_ connection: ServiceConnection, _ hop: Hop) -> Sighting {
        let (first, before, leg, mode) = (hop.client, hop.before, hop.after, hop.mode)
        let legs = connection.legs
        var sighting = Sighting(protocolNumber: first.protocolNumber, origin: (first.origAddress, first.origPort))
        sighting.service = VirtualServiceID(vip: first.respAddress, port: first.respPort,
                                            protocolNumber: first.protocolNumber)
        sighting.mode = mode
        let subPoints = Set((before.observations + leg.observations).map(\.point.description))
        sighting.basis = subPoints.count >= 2 ? .stitchedAcrossPoints : .forwardedAtOnePoint
        describeServer(&sighting, leg: leg, mode: mode, vip: first.respAddress)
        sighting.vipMAC = vipMAC(before: before, hop: leg, mode: mode)
        sighting.directorMACs = directorMACs(vipMAC: sighting.vipMAC, hop: leg)
        sighting.packets = [before, leg].compactMap { firstReference($0) }
        let all = legs.flatMap(\.observations)
        sighting.points = Set(all.map(\.point.point)).sorted()
        sighting.subPoints = Set(all.map(\.point.description)).sorted()
        return sighting
    }

    /// The real server, local address and details the director's hop shows.
    func describeServer(_ sighting: inout Sighting, leg: ConnectionLeg, mode: InferredMode, vip: IPAddress) {
        let mac = serverMAC(leg)
        switch mode {
        case .nat, .fullnat:
            sighting.server = Sighting.Server(address: leg.respAddress, port: leg.respPort, mac: mac)
            sighting.serverSide = (leg.respAddress, leg.respPort)
            guard mode == .fullnat else { return }
            sighting.localAddress = leg.origAddress
            if let option = leg.observations.lazy.compactMap({ self.context.index($0.uid) })
                .compactMap({ self.context.records[$0].toa?.option }).first {
                sighting.detail = "TOA kind \(option.kind) carrying \(option.address.withPort(option.port))"
            }
        case .tun:
            sighting.server = Sighting.Server(address: leg.tunnel?.destination ?? leg.respAddress, port: leg.respPort,
                                              mac: mac)
            sighting.detail = leg.tunnel.map { "\($0.kind.rawValue) \($0.source) > \($0.destination)" }
        default:
            sighting.server = Sighting.Server(address: DirectServer.address(of: mac, serving: vip, context: context),
                                              port: leg.respPort, mac: mac)
        }
    }

    /// Whether a leg's records, where both legs were seen, are halves of flows that did
    /// not start with the client's SYN (a flow split by changing VLAN tags): then
    /// correlation may have ordered the legs by those halves.
    func halved(_ before: ConnectionLeg, _ after: ConnectionLeg) -> Bool {
        guard before.protocolNumber == .tcp,
              let input = Set(before.observations.map(\.input)).intersection(after.observations.map(\.input)).min()
        else { return false }
        func opens(_ leg: ConnectionLeg) -> Bool {
            leg.observations.contains { observation in
                guard observation.input == input, let i = context.index(observation.uid) else { return false }
                return context.records[i].synFrame != nil && !context.records[i].flipped
            }
        }
        return !opens(before) || !opens(after)
    }

    /// Whether the rewritten tuple was seen before the one it was rewritten from at a
    /// point that saw both (over all records of each tuple there): then the VIP leg is
    /// the other one.
    func startsLater(_ before: ConnectionLeg, than after: ConnectionLeg, _ firstSeen: [TupleAtInput: Int64]) -> Bool {
        let inputs = Set(before.observations.map(\.input)).intersection(after.observations.map(\.input))
        guard let input = inputs.min(),
              let a = firstSeen[TupleAtInput(before, input: input)],
              let b = firstSeen[TupleAtInput(after, input: input)] else { return false }
        return b < a
    }

    /// The director's hop and the mode it shows: the first leg with an outer header or a
    /// rewritten address, else the first where only the destination MAC changed.
    static func lvsHop(_ legs: [ConnectionLeg]) -> (Int, InferredMode)? {
        for index in legs.indices.dropFirst() {
            let rewrites = legs[index].rewrites
            if rewrites.contains(.encapsulated) { return (index, .tun) }
            if rewrites.contains(.dstIP) { return (index, rewrites.contains(.srcIP) ? .fullnat : .nat) }
        }
        for index in legs.indices.dropFirst() where legs[index].rewrites.contains(.dstMAC) {
            return (index, .dr)
        }
        return nil
    }

    /// The real server's MAC: where the hop's frames were addressed, preferring the MAC
    /// that also sent replies on that leg; for cooked captures, the replies' source.
    func serverMAC(_ leg: ConnectionLeg) -> MACAddress? {
        let destinations = Set(leg.links.compactMap(\.destination).filter { !$0.isMulticast })
        let replySources = Set(leg.observations.compactMap { context.index($0.uid) }.compactMap { context.records[$0].resp.mac })
        if destinations.count == 1 { return destinations.first }
        if let both = destinations.intersection(replySources).min() { return both }
        if let some = destinations.min() { return some }
        return replySources.min()
    }

    /// Where client→VIP frames entered the director: the address of the frame the director
    /// then re-sent (one-armed DR), else the destination seen where the rewritten leg was
    /// also seen, else (NAT, FULL-NAT) the MAC that sent the replies from the VIP.
    func vipMAC(before: ConnectionLeg, hop: ConnectionLeg, mode: InferredMode) -> MACAddress? {
        let hopSources = Set(hop.links.compactMap(\.source))
        let into = before.links.compactMap(\.destination).filter { !$0.isMulticast }
        if let chained = into.filter(hopSources.contains).min() { return chained }
        let hopInputs = Set(hop.observations.map(\.input))
        let local = before.observations.filter { hopInputs.contains($0.input) }
            .flatMap { $0.links.compactMap(\.destination) }.filter { !$0.isMulticast }
        if let seen = local.min() { return seen }
        guard mode == .nat || mode == .fullnat else { return nil }
        return before.observations.compactMap { context.index($0.uid) }.compactMap { context.records[$0].resp.mac }.min()
    }

    func directorMACs(vipMAC: MACAddress?, hop: ConnectionLeg) -> [MACAddress] {
        var result = vipMAC.map { [$0] } ?? []
        for source in Set(hop.links.compactMap(\.source)).sorted() where !result.contains(source) {
            result.append(source)
        }
        return result
    }

    /// The earliest record of the leg as evidence.
    func firstReference(_ leg: ConnectionLeg) -> PacketReference? {
        leg.observations.compactMap { context.index($0.uid) }
            .min { context.records[$0].firstTime < context.records[$1].firstTime }
            .map { context.reference(context.records[$0]) }
    }
}

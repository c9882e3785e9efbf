import LVSCapture
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
        return context.input.correlation.connections.enumerated().map { number, connection in
            let legs = connection.legs
            guard let head = legs.first, head.protocolNumber == .tcp || head.protocolNumber == .udp
                || head.protocolNumber == .sctp, let (index, mode) = Self.lvsHop(legs) else { return nil }
            let before = legs[index - 1]
            let after = legs[index]
            if mode == .nat || mode == .fullnat, halved(before, after, connection: number) {
                let times = firstSeen ?? context.firstSeen()
                firstSeen = times
                if startsLater(before, than: after, times) {
                    return Hop(connection: number, client: after, before: after, after: before, mode: mode)
                }
            }
            return Hop(connection: number, client: head, before: before, after: after, mode: mode)
        }
    }

    func sightings(_ hops: [Hop?]) -> [Sighting] {
        var sightings: [Sighting] = []
        sightings.reserveCapacity(hops.count)
        var shared = SharedLists()
        context.input.correlation.connections.withUnsafeBufferPointer { connections in
            for number in hops.indices where connections.indices.contains(number) {
                guard let hop = hops[number] else { continue }
                sightings.append(sighting(connections[number], hop, shared: &shared))
            }
        }
        return sightings
    }

    /// The director's hop of a connection: the leg before and after it, the mode, and the
    /// client's leg (the VIP leg), with the legs put back in order when correlation
    /// ordered halves of flows.
    struct Hop {
        /// Index of the connection in the correlation result.
        var connection: Int
        var client: ConnectionLeg
        var before: ConnectionLeg
        var after: ConnectionLeg
        var mode: InferredMode
    }

    func sighting(_ connection: ServiceConnection, _ hop: Hop) -> Sighting {
        var shared = SharedLists()
        return sighting(connection, hop, shared: &shared)
    }

    func sighting(_ connection: ServiceConnection, _ hop: Hop, shared: inout SharedLists) -> Sighting {
        let (first, before, leg, mode, number) = (hop.client, hop.before, hop.after, hop.mode, hop.connection)
        let legs = connection.legs
        var sighting = Sighting(protocolNumber: first.protocolNumber, origin: (first.origAddress, first.origPort))
        sighting.service = VirtualServiceID(vip: first.respAddress, port: first.respPort,
                                            protocolNumber: first.protocolNumber)
        sighting.mode = mode
        let seenAt = before.observations.first?.point
        let across = before.observations.contains { $0.point != seenAt }
            || leg.observations.contains { $0.point != seenAt }
        sighting.basis = across ? .stitchedAcrossPoints : .forwardedAtOnePoint
        describeServer(&sighting, leg: leg, mode: mode, vip: first.respAddress, connection: number)
        sighting.vipMAC = vipMAC(before: before, hop: leg, mode: mode, connection: number)
        directorMACs(vipMAC: sighting.vipMAC, hop: leg, into: &shared.scratchMACs)
        sighting.directorMACs = SharedLists.share(shared.scratchMACs, &shared.directorMACs)
        let cited = (firstRecord(before, number), firstRecord(leg, number))
        sighting.packetRecords = cited.0 == nil ? (cited.1, nil) : cited
        shared.scratchInputs.removeAll(keepingCapacity: true)
        shared.scratchPoints.removeAll(keepingCapacity: true)
        for leg in legs {
            for observation in leg.observations {
                if !shared.scratchInputs.contains(observation.input) { shared.scratchInputs.append(observation.input) }
                if !shared.scratchPoints.contains(observation.point) { shared.scratchPoints.append(observation.point) }
            }
        }
        shared.scratchInputs.sort()
        shared.scratchPoints.sort()
        sighting.inputs = SharedLists.share(shared.scratchInputs, &shared.inputs)
        sighting.subPoints = SharedLists.share(shared.scratchPoints, &shared.subPoints)
        return sighting
    }

    /// The real server, local address and details the director's hop shows.
    func describeServer(_ sighting: inout Sighting, leg: ConnectionLeg, mode: InferredMode, vip: IPAddress,
                        connection: Int) {
        let mac = serverMAC(leg, connection)
        switch mode {
        case .nat, .fullnat:
            sighting.server = Sighting.Server(address: leg.respAddress, port: leg.respPort, mac: mac)
            sighting.serverSide = (leg.respAddress, leg.respPort)
            guard mode == .fullnat else { return }
            sighting.localAddress = leg.origAddress
            for observation in leg.observations {
                guard let i = context.index(observation.uid, connection: connection),
                      let option = context.records[i].toa?.option else { continue }
                sighting.detail = "TOA kind \(option.kind) carrying \(option.address.withPort(option.port))"
                break
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
    func halved(_ before: ConnectionLeg, _ after: ConnectionLeg, connection: Int) -> Bool {
        guard before.protocolNumber == .tcp, let input = Self.sharedInput(before, after) else { return false }
        func opens(_ leg: ConnectionLeg) -> Bool {
            leg.observations.contains { observation in
                guard observation.input == input, let i = context.index(observation.uid, connection: connection) else {
                    return false
                }
                return context.records[i].synFrame != nil && !context.records[i].flipped
            }
        }
        return !opens(before) || !opens(after)
    }

    /// Whether the rewritten tuple was seen before the one it was rewritten from at a
    /// point that saw both (over all records of each tuple there): then the VIP leg is
    /// the other one.
    func startsLater(_ before: ConnectionLeg, than after: ConnectionLeg, _ firstSeen: [TupleAtInput: Int64]) -> Bool {
        guard let input = Self.sharedInput(before, after),
              let a = firstSeen[TupleAtInput(before, input: input)],
              let b = firstSeen[TupleAtInput(after, input: input)] else { return false }
        return b < a
    }

    /// The lowest input that saw both legs.
    static func sharedInput(_ a: ConnectionLeg, _ b: ConnectionLeg) -> Int? {
        var shared: Int?
        for x in a.observations where b.observations.contains(where: { $0.input == x.input }) {
            shared = min(shared ?? x.input, x.input)
        }
        return shared
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
    func serverMAC(_ leg: ConnectionLeg, _ connection: Int) -> MACAddress? {
        // Most legs name one destination: find it without building the lists.
        var only: MACAddress?
        var several = false
        for link in leg.links {
            guard let mac = link.destination, !mac.isMulticast, mac != only else { continue }
            if only == nil { only = mac } else { several = true }
        }
        if let only, !several { return only }
        var destinations: [MACAddress] = []
        for link in leg.links {
            if let mac = link.destination, !mac.isMulticast, !destinations.contains(mac) { destinations.append(mac) }
        }
        if destinations.count == 1 { return destinations[0] }
        let replySources = leg.observations.compactMap { observation in
            context.index(observation.uid, connection: connection).flatMap { context.records[$0].resp.mac }
        }
        if let both = destinations.filter(replySources.contains).min() { return both }
        return destinations.min() ?? replySources.min()
    }

    /// Where client→VIP frames entered the director: the address of the frame the director
    /// then re-sent (one-armed DR), else the destination seen where the rewritten leg was
    /// also seen, else (NAT, FULL-NAT) the MAC that sent the replies from the VIP.
    func vipMAC(before: ConnectionLeg, hop: ConnectionLeg, mode: InferredMode, connection: Int) -> MACAddress? {
        var chained: MACAddress?
        for link in before.links {
            guard let mac = link.destination, !mac.isMulticast, hop.links.contains(where: { $0.source == mac }) else {
                continue
            }
            chained = min(chained ?? mac, mac)
        }
        if let chained { return chained }
        var local: MACAddress?
        for observation in before.observations
        where hop.observations.contains(where: { $0.input == observation.input }) {
            for link in observation.links {
                guard let mac = link.destination, !mac.isMulticast else { continue }
                local = min(local ?? mac, mac)
            }
        }
        if let local { return local }
        guard mode == .nat || mode == .fullnat else { return nil }
        var replies: MACAddress?
        for observation in before.observations {
            guard let i = context.index(observation.uid, connection: connection), let mac = context.records[i].resp.mac
            else { continue }
            replies = min(replies ?? mac, mac)
        }
        return replies
    }

    /// The VIP's MAC, then the hop's sources in order, into `result` (emptied first).
    func directorMACs(vipMAC: MACAddress?, hop: ConnectionLeg, into result: inout [MACAddress]) {
        result.removeAll(keepingCapacity: true)
        if let vipMAC { result.append(vipMAC) }
        let start = result.count
        // Sources sorted after the VIP's MAC, each inserted in place (a leg has a few).
        for link in hop.links {
            guard let source = link.source, !result.contains(source) else { continue }
            var position = result.count
            while position > start, source < result[position - 1] { position -= 1 }
            result.insert(source, at: position)
        }
    }

    /// The earliest record of the leg, cited as evidence.
    func firstRecord(_ leg: ConnectionLeg, _ connection: Int) -> Int? {
        var first: Int?
        for observation in leg.observations {
            guard let i = context.index(observation.uid, connection: connection) else { continue }
            if let current = first, context.records[current].firstTime <= context.records[i].firstTime { continue }
            first = i
        }
        return first
    }
}

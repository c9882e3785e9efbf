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
            if mode == .nat || mode == .fullnat, halved(legs, index - 1, index, connection: number) {
                let times = firstSeen ?? context.firstSeen()
                firstSeen = times
                if startsLater(legs[index - 1], than: legs[index], times) {
                    return Hop(connection: number, client: index, before: index, after: index - 1, mode: mode)
                }
            }
            return Hop(connection: number, client: 0, before: index - 1, after: index, mode: mode)
        }
    }

    /// A sighting per connection with a hop, in connection order, in a list with room for
    /// `room` more.
    func sightings(_ hops: [Hop?], room: Int = 0) -> [Sighting] {
        var sightings: [Sighting] = []
        sightings.reserveCapacity(hops.count + room)
        var shared = SharedLists()
        context.input.correlation.connections.withUnsafeBufferPointer { connections in
            for number in hops.indices where connections.indices.contains(number) {
                guard let hop = hops[number] else { continue }
                // Read into its place in the list: a sighting built aside is copied in whole.
                let legs = connections[number].legs
                sightings.append(Sighting(protocolNumber: legs[hop.client].protocolNumber,
                                          origin: (legs[hop.client].origAddress, legs[hop.client].origPort)))
                read(connections[number], hop, into: &sightings[sightings.count - 1], shared: &shared)
            }
        }
        return sightings
    }

    /// The director's hop of a connection: the leg before and after it, the mode, and the
    /// client's leg (the VIP leg), with the legs put back in order when correlation
    /// ordered halves of flows. Legs by index into the connection's: a hop copied out of
    /// the list of hops is then a few words, not three legs and their lists.
    struct Hop {
        /// Index of the connection in the correlation result.
        var connection: Int
        var client: Int
        var before: Int
        var after: Int
        var mode: InferredMode
    }

    /// Reads the connection's hop into `sighting` (started with the client leg's protocol
    /// and origin).
    func read(_ connection: ServiceConnection, _ hop: Hop, into sighting: inout Sighting,
              shared: inout SharedLists) {
        // Legs read in place, by index: a leg copied out retains its lists.
        let legs = connection.legs
        let (mode, number, client) = (hop.mode, hop.connection, hop.client)
        let vip = legs[client].respAddress
        sighting.service = VirtualServiceID(vip: vip, port: legs[client].respPort,
                                            protocolNumber: legs[client].protocolNumber)
        sighting.mode = mode
        let (before, after) = (legs[hop.before].observations, legs[hop.after].observations)
        let seenAt = before.first?.point
        let across = before.contains { $0.point != seenAt } || after.contains { $0.point != seenAt }
        sighting.basis = across ? .stitchedAcrossPoints : .forwardedAtOnePoint
        describeServer(&sighting, legs, hop.after, mode: mode, vip: vip, connection: number)
        sighting.vipMAC = vipMAC(legs, before: hop.before, hop: hop.after, mode: mode, connection: number)
        directorMACs(vipMAC: sighting.vipMAC, hop: legs[hop.after].links, into: &shared.scratchMACs)
        sighting.directorMACs = SharedLists.share(shared.scratchMACs, &shared.directorMACs)
        let cited = (firstRecord(before, number), firstRecord(after, number))
        sighting.packetRecords = cited.0 == nil ? (cited.1, nil) : cited
        shared.assignInputs(to: &sighting) { pair in
            for leg in legs.indices {
                for observation in legs[leg].observations { pair(observation.input, observation.point) }
            }
        }
    }

    /// The real server, local address and details the director's hop shows.
    func describeServer(_ sighting: inout Sighting, _ legs: [ConnectionLeg], _ leg: Int, mode: InferredMode,
                        vip: IPAddress, connection: Int) {
        let mac = serverMAC(legs, leg, connection)
        switch mode {
        case .nat, .fullnat:
            sighting.server = Sighting.Server(address: legs[leg].respAddress, port: legs[leg].respPort, mac: mac)
            sighting.serverSide = (legs[leg].respAddress, legs[leg].respPort)
            guard mode == .fullnat else { return }
            sighting.localAddress = legs[leg].origAddress
            for observation in legs[leg].observations {
                guard let i = context.index(observation.uid, connection: connection),
                      let option = context.records[i].toa?.option else { continue }
                sighting.detail = "TOA kind \(option.kind) carrying \(option.address.withPort(option.port))"
                break
            }
        case .tun:
            let tunnel = legs[leg].tunnel
            sighting.server = Sighting.Server(address: tunnel?.destination ?? legs[leg].respAddress,
                                              port: legs[leg].respPort, mac: mac)
            sighting.detail = tunnel.map { "\($0.kind.rawValue) \($0.source) > \($0.destination)" }
        default:
            sighting.server = Sighting.Server(address: DirectServer.address(of: mac, serving: vip, context: context),
                                              port: legs[leg].respPort, mac: mac)
        }
    }

    /// Whether a leg's records, where both legs were seen, are halves of flows that did
    /// not start with the client's SYN (a flow split by changing VLAN tags): then
    /// correlation may have ordered the legs by those halves.
    func halved(_ legs: [ConnectionLeg], _ before: Int, _ after: Int, connection: Int) -> Bool {
        guard legs[before].protocolNumber == .tcp,
              let input = Self.sharedInput(legs[before].observations, legs[after].observations) else { return false }
        func opens(_ leg: Int) -> Bool {
            legs[leg].observations.contains { observation in
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
        guard let input = Self.sharedInput(before.observations, after.observations),
              let a = firstSeen[TupleAtInput(before, input: input)],
              let b = firstSeen[TupleAtInput(after, input: input)] else { return false }
        return b < a
    }

    /// The lowest input that saw both legs.
    static func sharedInput(_ a: [LegObservation], _ b: [LegObservation]) -> Int? {
        var shared: Int?
        for x in a where b.contains(where: { $0.input == x.input }) {
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
    func serverMAC(_ legs: [ConnectionLeg], _ leg: Int, _ connection: Int) -> MACAddress? {
        // Most legs name one destination: find it without building the lists.
        let links = legs[leg].links
        var only: MACAddress?
        var several = false
        for link in links {
            guard let mac = link.destination, !mac.isMulticast, mac != only else { continue }
            if only == nil { only = mac } else { several = true }
        }
        if let only, !several { return only }
        var destinations: [MACAddress] = []
        for link in links {
            if let mac = link.destination, !mac.isMulticast, !destinations.contains(mac) { destinations.append(mac) }
        }
        if destinations.count == 1 { return destinations[0] }
        let replySources = legs[leg].observations.compactMap { observation in
            context.index(observation.uid, connection: connection).flatMap { context.records[$0].resp.mac }
        }
        if let both = destinations.filter(replySources.contains).min() { return both }
        return destinations.min() ?? replySources.min()
    }

    /// Where client→VIP frames entered the director: the address of the frame the director
    /// then re-sent (one-armed DR), else the destination seen where the rewritten leg was
    /// also seen, else (NAT, FULL-NAT) the MAC that sent the replies from the VIP.
    func vipMAC(_ legs: [ConnectionLeg], before: Int, hop: Int, mode: InferredMode, connection: Int) -> MACAddress? {
        let (hopLinks, beforeObservations) = (legs[hop].links, legs[before].observations)
        var chained: MACAddress?
        for link in legs[before].links {
            guard let mac = link.destination, !mac.isMulticast, hopLinks.contains(where: { $0.source == mac }) else {
                continue
            }
            chained = min(chained ?? mac, mac)
        }
        if let chained { return chained }
        var local: MACAddress?
        let hopObservations = legs[hop].observations
        for observation in beforeObservations
        where hopObservations.contains(where: { $0.input == observation.input }) {
            for link in observation.links {
                guard let mac = link.destination, !mac.isMulticast else { continue }
                local = min(local ?? mac, mac)
            }
        }
        if let local { return local }
        guard mode == .nat || mode == .fullnat else { return nil }
        var replies: MACAddress?
        for observation in beforeObservations {
            guard let i = context.index(observation.uid, connection: connection), let mac = context.records[i].resp.mac
            else { continue }
            replies = min(replies ?? mac, mac)
        }
        return replies
    }

    /// The VIP's MAC, then the sources of the hop's links in order, into `result` (emptied first).
    func directorMACs(vipMAC: MACAddress?, hop links: [LinkLeg], into result: inout [MACAddress]) {
        while result.popLast() != nil {}
        if let vipMAC { result.append(vipMAC) }
        let start = result.count
        // Sources sorted after the VIP's MAC, each inserted in place (a leg has a few).
        for link in links {
            guard let source = link.source, !result.contains(source) else { continue }
            var position = result.count
            while position > start, source < result[position - 1] { position -= 1 }
            if position == result.count { result.append(source) } else { result.insert(source, at: position) }
        }
    }

    /// The earliest record of a leg (given by its observations), cited as evidence.
    func firstRecord(_ observations: [LegObservation], _ connection: Int) -> Int? {
        var first: Int?
        for observation in observations {
            guard let i = context.index(observation.uid, connection: connection) else { continue }
            if let current = first, context.records[current].firstTime <= context.records[i].firstTime { continue }
            first = i
        }
        return first
    }
}

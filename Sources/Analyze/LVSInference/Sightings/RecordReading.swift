import LVSCapture
import LVSFlows
import LVSWire

/// Sightings of the connections correlation did not stitch: the records of one 5-tuple
/// at several points (the n-th record of a tuple at one point goes with the n-th at
/// another) make one sighting, read with the strongest signature any of them shows.
/// Signatures that need the point's role are read last, knowing what the rest decided
/// (`Knowledge`).
///
/// The reading comes in two steps so that the first, which needs no role, can run while
/// the roles are inferred (`ServiceInference`): `readAlone()` groups the records, reads
/// what they show alone and pairs rewritten tuples; `sightings(_:roles:stitched:)` reads
/// the rest by role.
struct RecordReading {
    let context: InferenceContext

    /// What the records show without their points' roles.
    struct Alone {
        var groups: [[Int]]
        var sightings: [Sighting]
        /// Per group, whether no record's signature read it: its role-dependent fields
        /// (`directTo`, `hint`) are still to be filled.
        var unread: [Bool]
        var pairs: [TuplePairing.Pair]
        var shared: SharedLists
    }

    /// Groups every record no connection stitched, reads what each group's records show
    /// alone, and pairs the undecided ones.
    func readAlone() -> Alone {
        let signatures = RecordSignatures(context: context)
        let all = groups()
        var shared = SharedLists()
        var sightings: [Sighting] = []
        sightings.reserveCapacity(all.count)
        var unread: [Bool] = []
        unread.reserveCapacity(all.count)
        let records = context.records
        for group in all {
            let (sighting, read) = sighting(group, roles: nil, shared: &shared) { signatures.read(records[$0]) }
            sightings.append(sighting)
            unread.append(!read)
        }
        let pairs = TuplePairing(context: context).pairs(all, undecided: sightings.map { !$0.isDecided })
        return Alone(groups: all, sightings: sightings, unread: unread, pairs: pairs, shared: shared)
    }

    /// The sightings of every group: those read alone, the pairs applied, and the rest read
    /// given their point's role and what the others decided.
    func sightings(_ alone: Alone, roles: [CaptureRole], stitched: [Sighting]) -> [Sighting] {
        let all = alone.groups
        var sightings = alone.sightings
        var shared = alone.shared
        let records = context.records
        var absorbed = [Bool](repeating: false, count: all.count)
        for pair in alone.pairs {
            if alone.unread[pair.client] {
                records.withUnsafeBufferPointer { records in
                    let order = Self.timeOrder(all[pair.client], records)
                    sightings[pair.client].directTo = directTarget(order, records, roles: roles)
                    sightings[pair.client].hint = forwardedReplies(order, records, roles: roles)
                }
            }
            sightings[pair.client].apply(pair.reading, record: context.records[pair.clientRecord])
            sightings[pair.client].packetRecords = (pair.clientRecord, pair.serverRecord)
            absorbed[pair.server] = true
        }
        let pending = all.indices.filter { !sightings[$0].isDecided && !absorbed[$0] }
        // What the others decided matters only when a group is left to read by role.
        let knowledge = pending.isEmpty ? Knowledge(configuredVIPs: context.configuredVIPs)
            : Knowledge(stitched, sightings, configuredVIPs: context.configuredVIPs)
        let byRole = RoleSignatures(context: context, knowledge: knowledge)
        for i in pending {
            sightings[i] = sighting(all[i], roles: roles, shared: &shared) { index in
                let input = records[index].input
                guard roles.indices.contains(input) else { return nil }
                return byRole.read(records[index], profile: context.profiles[input], role: roles[input])
            }.sighting
        }
        // The absorbed ones dropped in place: kept sightings move down by swapping, not copying.
        var kept = 0
        for i in sightings.indices where !absorbed[i] {
            if kept != i { sightings.swapAt(kept, i) }
            kept += 1
        }
        sightings.removeLast(sightings.count - kept)
        return sightings
    }

    /// The sighting of a group of records, and whether `read` read any of them; `read`
    /// reads the record at an index (in place: handing it a record from the buffer below
    /// copied the record). Without `roles`, a group nothing read is left without the
    /// fields that need them.
    func sighting(_ members: [Int], roles: [CaptureRole]?, shared: inout SharedLists,
                  read: (Int) -> Reading?) -> (sighting: Sighting, read: Bool) {
        // Indexes, not records: a record copied out of the array is a 440-byte copy.
        context.records.withUnsafeBufferPointer { all in
            let order = Self.timeOrder(members, all)
            let first = order[0]
            var sighting = Sighting(protocolNumber: all[first].protocolNumber,
                                    origin: (all[first].origAddress, all[first].origPort))
            var best: (reading: Reading, record: Int)?
            for index in order {
                guard let reading = read(index), best.map({ reading.basis > $0.reading.basis }) ?? true else {
                    continue
                }
                best = (reading, index)
            }
            if let (reading, index) = best {
                sighting.apply(reading, record: all[index])
            } else {
                let candidate = VirtualServiceID(vip: all[first].respAddress, port: all[first].respPort,
                                                 protocolNumber: all[first].protocolNumber)
                sighting.service = order.contains { Self.isAttempt(all[$0]) } ? candidate : nil
                if let roles {
                    sighting.directTo = directTarget(order, all, roles: roles)
                    sighting.hint = forwardedReplies(order, all, roles: roles)
                }
            }
            sighting.packetRecords = (order.first, order.count > 1 ? order[1] : nil)
            shared.assignInputs(to: &sighting) { pair in
                for index in order { pair(all[index].input, all[index].point) }
            }
            return (sighting, best != nil)
        }
    }

    /// A group's records by first packet time: mostly one record, or already in time
    /// order, and then sorted only when not.
    static func timeOrder(_ members: [Int], _ all: UnsafeBufferPointer<FlowRecord>) -> [Int] {
        let inOrder = zip(members, members.dropFirst()).allSatisfy { !(all[$1].firstTime < all[$0].firstTime) }
        return inOrder ? members : members.sorted { all[$0].firstTime < all[$1].firstTime }
    }

    /// A connection attempt toward the responder: a TCP flow that began with the
    /// originator's SYN (not a SYN-ACK from an unexpected source); a datagram flow from a
    /// higher port, or answered (a server answering from the wrong address starts a
    /// flow of its own toward the client's port).
    static func isAttempt(_ record: FlowRecord) -> Bool {
        if record.protocolNumber == .tcp { return record.synFrame != nil && !record.flipped }
        return record.origPort >= record.respPort || record.resp.packets > 0
    }

    /// `isAttempt(records[i])`, read in place (handing the record over copies it).
    static func isAttempt(_ records: [FlowRecord], _ i: Int) -> Bool {
        if records[i].protocolNumber == .tcp { return records[i].synFrame != nil && !records[i].flipped }
        return records[i].origPort >= records[i].respPort || records[i].resp.packets > 0
    }

    /// At the director's client side, replies it forwarded (TTL below any initial value)
    /// without a TCP handshake's MSS to tell NAT from FULL-NAT.
    func forwardedReplies(_ order: [Int], _ all: UnsafeBufferPointer<FlowRecord>, roles: [CaptureRole]) -> String? {
        // Fields read in place: most records are not at a director and need no copy.
        for index in order {
            let input = all[index].input
            guard roles.indices.contains(input) && roles[input] == .director else { continue }
            guard all[index].resp.packets > 0, InitialTTL.isForwarded(all[index].resp.ttl),
                  let ttl = all[index].resp.ttl else { continue }
            return "\(all[index].point) sent the replies from \(all[index].respAddress) with TTL \(ttl.upperBound), "
                + "below any initial TTL: the director forwards them (NAT or FULL-NAT), but nothing on the client "
                + "side tells which"
        }
        return nil
    }

    /// Where a request no director forwarded went (the MAC it was addressed to), from a
    /// point that is not the client itself.
    func directTarget(_ order: [Int], _ all: UnsafeBufferPointer<FlowRecord>, roles: [CaptureRole]) -> MACAddress? {
        for index in order where roles.indices.contains(all[index].input) && roles[all[index].input] != .client {
            // The first request's leg read in place (`primaryLeg`, of another module, copies the record).
            let leg = all[index].linkLegs.first { $0.direction == .orig }?.leg
            if let destination = leg?.destination, !destination.isMulticast { return destination }
        }
        return nil
    }
}

import LVSCapture
import LVSFlows
import LVSWire

/// Sightings of the connections correlation did not stitch: the records of one 5-tuple
/// at several points (the n-th record of a tuple at one point goes with the n-th at
/// another) make one sighting, read with the strongest signature any of them shows.
/// Signatures that need the point's role are read last, knowing what the rest decided
/// (`Knowledge`).
struct RecordReading {
    let context: InferenceContext
    let roles: [CaptureRole]

    /// The unstitched records grouped by 5-tuple and occurrence, in first-seen order.
    func groups() -> [[Int]] {
        var groups: [TupleKeyOccurrence: Int] = [:]
        var result: [[Int]] = []
        for (tuple, occurrences) in occurrencesByTuple() {
            for (occurrence, members) in occurrences.enumerated() {
                var shared = tuple
                shared.input = -1
                let key = TupleKeyOccurrence(tuple: shared, occurrence: occurrence)
                if let group = groups[key] {
                    result[group].append(contentsOf: members)
                } else {
                    groups[key] = result.count
                    result.append(members)
                }
            }
        }
        return result
    }

    private struct TupleKeyOccurrence: Hashable {
        var tuple: TupleAtInput
        var occurrence: Int
    }

    /// Each tuple's records at each input, split into occurrences: a record that starts
    /// after the previous one ended is a new connection on the same tuple; overlapping
    /// records are halves of one flow. Occurrences with a stitched record are left out
    /// (their connection is already read), and so are their other halves.
    func occurrencesByTuple() -> [(TupleAtInput, [[Int]])] {
        let (open, openPorts) = openTuples()
        var byTuple: [TupleAtInput: [Int]] = [:]
        var order: [TupleAtInput] = []
        for profile in context.profiles where !open.isEmpty {
            for index in profile.records where openPorts.contains(Self.ports(context.records[index])) {
                let tuple = TupleAtInput(context.records[index])
                guard open.contains(tuple) else { continue }
                if byTuple[tuple] == nil { order.append(tuple) }
                byTuple[tuple, default: []].append(index)
            }
        }
        return order.compactMap { tuple in
            var occurrences: [(members: [Int], end: Int64, stitched: Bool)] = []
            for index in byTuple[tuple] ?? [] {
                let (start, end) = (context.records[index].firstTime.rawValue, context.records[index].lastTime.rawValue)
                let stitched = context.isStitched(index)
                if let last = occurrences.last, start <= last.end {
                    occurrences[occurrences.count - 1].members.append(index)
                    occurrences[occurrences.count - 1].end = max(last.end, end)
                    occurrences[occurrences.count - 1].stitched = last.stitched || stitched
                } else {
                    occurrences.append(([index], end, stitched))
                }
            }
            let open = occurrences.filter { !$0.stitched }.map(\.members)
            return open.isEmpty ? nil : (tuple, open)
        }
    }

    /// The tuples with a record correlation did not stitch, and their input, protocol and
    /// ports: a cheap key that rules out most stitched records before the tuple is hashed.
    func openTuples() -> (Set<TupleAtInput>, Set<UInt64>) {
        var open: Set<TupleAtInput> = []
        var openPorts: Set<UInt64> = []
        for profile in context.profiles {
            for index in profile.records where !context.isStitched(index) {
                open.insert(TupleAtInput(context.records[index]))
                openPorts.insert(Self.ports(context.records[index]))
            }
        }
        return (open, openPorts)
    }

    static func ports(_ r: FlowRecord) -> UInt64 {
        UInt64(r.input) << 40 | UInt64(r.protocolNumber.rawValue) << 32 | UInt64(r.origPort) << 16 | UInt64(r.respPort)
    }

    /// Reads every group: first what the records show alone, then, for the rest, what
    /// they show given their point's role and what the others decided.
    func sightings(stitched: [Sighting]) -> [Sighting] {
        let signatures = RecordSignatures(context: context)
        let all = groups()
        var sightings = all.map { sighting($0, read: signatures.read) }
        var absorbed = [Bool](repeating: false, count: all.count)
        for pair in TuplePairing(context: context).pairs(all, undecided: sightings.map { !$0.isDecided }) {
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
            let group = all[i]
            sightings[i] = sighting(group) { record in
                guard roles.indices.contains(record.input) else { return nil }
                return byRole.read(record, profile: context.profiles[record.input], role: roles[record.input])
            }
        }
        return sightings.indices.filter { !absorbed[$0] }.map { sightings[$0] }
    }

    func sighting(_ members: [Int], read: (FlowRecord) -> Reading?) -> Sighting {
        // Indexes, not records: a record copied out of the array is a 760-byte copy.
        context.records.withUnsafeBufferPointer { all in
            let order = members.sorted { all[$0].firstTime < all[$1].firstTime }
            let first = order[0]
            var sighting = Sighting(protocolNumber: all[first].protocolNumber,
                                    origin: (all[first].origAddress, all[first].origPort))
            var best: (reading: Reading, record: Int)?
            for index in order {
                guard let reading = read(all[index]), best.map({ reading.basis > $0.reading.basis }) ?? true else {
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
                sighting.directTo = directTarget(order, all)
                sighting.hint = forwardedReplies(order, all)
            }
            sighting.packetRecords = (order.first, order.count > 1 ? order[1] : nil)
            var inputs: [Int] = []
            var points: [CapturePointName] = []
            for index in order {
                if !inputs.contains(all[index].input) { inputs.append(all[index].input) }
                if !points.contains(all[index].point) { points.append(all[index].point) }
            }
            sighting.inputs = inputs.sorted()
            sighting.subPoints = points.sorted()
            return sighting
        }
    }

    /// A connection attempt toward the responder: a TCP flow that began with the
    /// originator's SYN (not a SYN-ACK from an unexpected source); a datagram flow from a
    /// higher port, or answered (a server answering from the wrong address starts a
    /// flow of its own toward the client's port).
    static func isAttempt(_ record: FlowRecord) -> Bool {
        if record.protocolNumber == .tcp { return record.synFrame != nil && !record.flipped }
        return record.origPort >= record.respPort || record.resp.packets > 0
    }

    /// At the director's client side, replies it forwarded (TTL below any initial value)
    /// without a TCP handshake's MSS to tell NAT from FULL-NAT.
    func forwardedReplies(_ order: [Int], _ all: UnsafeBufferPointer<FlowRecord>) -> String? {
        for index in order {
            let record = all[index]
            guard roles.indices.contains(record.input) && roles[record.input] == .director else { continue }
            guard record.resp.packets > 0, InitialTTL.isForwarded(record.resp.ttl), let ttl = record.resp.ttl else {
                continue
            }
            return "\(record.point) sent the replies from \(record.respAddress) with TTL \(ttl.upperBound), below any "
                + "initial TTL: the director forwards them (NAT or FULL-NAT), but nothing on the client side "
                + "tells which"
        }
        return nil
    }

    /// Where a request no director forwarded went (the MAC it was addressed to), from a
    /// point that is not the client itself.
    func directTarget(_ order: [Int], _ all: UnsafeBufferPointer<FlowRecord>) -> MACAddress? {
        for index in order where roles.indices.contains(all[index].input) && roles[all[index].input] != .client {
            if let destination = all[index].primaryLeg(.orig)?.destination, !destination.isMulticast {
                return destination
            }
        }
        return nil
    }
}

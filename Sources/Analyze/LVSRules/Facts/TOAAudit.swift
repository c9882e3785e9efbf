import LVSFlows
import LVSInference
import LVSWire

/// What the FULL-NAT handshakes toward the real servers carried (lvs-reference.md §2.5,
/// §9.8), per service and local address: the real server's TOA module reads the client
/// address from the ACK that completes the handshake, so that ACK is what counts.
struct TOAAudit {
    struct Entry {
        var service: VirtualServiceID
        var localAddress: IPAddress
        /// Distinct connections whose handshake-completing ACK was seen on the real-server leg.
        var handshakes: Set<RealServerAttempt.Key> = []
        var withTOA: Set<RealServerAttempt.Key> = []
        /// No TOA on the handshake ACK although the option space had room for one.
        var missing: Set<RealServerAttempt.Key> = []
        /// Of those, connections whose SYN carried it (old DPVS; RS modules read the ACK).
        var synOnly: Set<RealServerAttempt.Key> = []
        /// No TOA, and less room left in the ACK's options than a TOA needs.
        var noRoom: Set<RealServerAttempt.Key> = []
        var smallestRoom = Int.max
        var malformed: Set<RealServerAttempt.Key> = []
        var kinds: Set<UInt8> = []
        var missingEvidence: [PacketReference] = []
        var noRoomEvidence: [PacketReference] = []
        var malformedEvidence: [PacketReference] = []
    }

    var entries: [Entry]

    init(_ context: AnalysisContext, _ topology: ServiceTopology) {
        var byLeg: [String: Entry] = [:]
        var order: [String] = []
        for record in context.flows.records where record.isTCP && record.isAttempt {
            guard let (service, server) = RealServerAttempts.identify(record, topology), service.mode == .fullnat,
                  let room = record.optionRoomHandshakeACK else { continue }
            let id = "\(service.service) \(record.origAddress)"
            if byLeg[id] == nil {
                order.append(id)
                byLeg[id] = Entry(service: service.service, localAddress: record.origAddress)
            }
            byLeg[id]?.add(record, room: room, key: RealServerAttempts.key(record, server, context.correlation))
        }
        entries = order.compactMap { byLeg[$0] }.sorted { ($0.service, $0.localAddress) < ($1.service, $1.localAddress) }
    }

    /// Option bytes a TOA for an address of this family needs.
    static func size(for address: IPAddress) -> Int {
        Int(address.isIPv4 ? TOAOption.ipv4Length : TOAOption.ipv6Length)
    }
}

extension TOAAudit.Entry {
    mutating func add(_ record: FlowRecord, room: Int, key: RealServerAttempt.Key) {
        handshakes.insert(key)
        let evidence = PacketReference(firstOf: record)
        if let toa = record.toa {
            if toa.malformed > 0 {
                // Present but unreadable: reported as malformed, not again as missing.
                malformed.insert(key)
                malformedEvidence.append(evidence)
                return
            }
            if let kind = toa.option?.kind { kinds.insert(kind) }
            if toa.placements.contains(.handshakeACK) {
                withTOA.insert(key)
                return
            }
        }
        if room < TOAAudit.size(for: localAddress) {
            noRoom.insert(key)
            smallestRoom = min(smallestRoom, room)
            noRoomEvidence.append(evidence)
            return
        }
        missing.insert(key)
        if record.toa?.placements.contains(.syn) ?? false { synOnly.insert(key) }
        missingEvidence.append(evidence)
    }
}

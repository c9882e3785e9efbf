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

    /// `attempts` name each FULL-NAT real-server leg and its connection
    /// (`RealServerAttempts.find`), in record order.
    init(_ context: AnalysisContext, attempts: [RealServerAttempt]) {
        let records = context.flows.records
        var legs = Numbering<ServiceClient>()
        var found: [Entry] = []
        for attempt in attempts.indices where attempts[attempt].mode == .fullnat {
            let i = attempts[attempt].record
            guard records[i].isTCP, let room = records[i].optionRoomHandshakeACK else { continue }
            let service = attempts[attempt].service
            let leg = legs.number(ServiceClient(service: service, client: records[i].origAddress))
            if leg == found.count { found.append(Entry(service: service, localAddress: records[i].origAddress)) }
            found[leg].add(i, records, room: room, key: attempts[attempt].key)
        }
        entries = found.sorted { ($0.service, $0.localAddress) < ($1.service, $1.localAddress) }
    }

    /// Option bytes a TOA for an address of this family needs.
    static func size(for address: IPAddress) -> Int {
        Int(address.isIPv4 ? TOAOption.ipv4Length : TOAOption.ipv6Length)
    }
}

extension TOAAudit.Entry {
    mutating func add(_ i: Int, _ records: [FlowRecord], room: Int, key: RealServerAttempt.Key) {
        handshakes.insert(key)
        let evidence = PacketReference(firstOf: i, in: records)
        if let toa = records[i].toa {
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
        if records[i].toa?.placements.contains(.syn) ?? false { synOnly.insert(key) }
        missingEvidence.append(evidence)
    }
}

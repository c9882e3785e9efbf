import LVSCapture
import LVSWire

extension FlowTracker {
    /// The immutable record of a flow that ends now.
    /// `uid` when the caller has it already (it is a hash over the key).
    func makeRecord(_ entry: FlowEntry, end: FlowEnd, uid: FlowUID? = nil) -> FlowRecord {
        let key = entry.key
        let origIsA = entry.flags.contains(.origIsA)
        let proto = IPProtocol(rawValue: key.proto)
        var ports = origIsA ? (key.portA, key.portB) : (key.portB, key.portA)
        if key.isEcho { ports = key.isIPv6 ? (128, 129) : (8, 0) }
        let point = subPoints.names[Int(key.subPoint)]
        let extras: FlowExtras? = entry.extras == 0 ? nil : self.extras[entry.extras]
        let history = entry.history.string
        let origAddress = origIsA ? key.addressA : key.addressB
        let respAddress = origIsA ? key.addressB : key.addressA
        var legCount = 0
        entry.legs.forEachEntry { _, _, _ in legCount += 1 }
        var linkLegs: [LinkLegCount] = []
        linkLegs.reserveCapacity(legCount)
        entry.legs.forEachEntry { leg, direction, packets in
            linkLegs.append(LinkLegCount(leg: legTable.leg(leg) ?? LinkLeg(source: nil, destination: nil),
                                         direction: direction, packets: Int(packets)))
        }
        return FlowRecord(
            uid: uid ?? FlowTracker.uid(prefix: subPoints.uidPrefixes[Int(key.subPoint)], key: key,
                                        firstTime: entry.firstTime),
            point: point, input: input,
            protocolNumber: proto, origAddress: origAddress, respAddress: respAddress, origPort: ports.0,
            respPort: ports.1, icmpIdentifier: key.isEcho ? key.portA : nil, outerVLAN: key.outerVLAN,
            innerVLAN: key.innerVLAN, firstTime: Timestamp(rawValue: entry.firstTime),
            lastTime: Timestamp(rawValue: entry.lastTime), firstFrame: Int(entry.firstFrame),
            lastFrame: Int(entry.lastFrame), state: state(entry, history: history), history: history,
            flipped: entry.flags.contains(.flipped), orig: stats(entry.orig, .orig, extras),
            resp: stats(entry.resp, .resp, extras), forwardedCopies: Int(entry.forwardedCopies),
            synFrame: frame(entry.synFrame), synAckFrame: frame(entry.synAckFrame),
            firstDataFrame: frame(entry.dataFrame), firstResetFrame: frame(entry.rstFrame),
            linkLegs: linkLegs,
            otherLegPackets: Int(extras?.otherLegPackets ?? 0), toa: toa(extras),
            optionRoomSYN: entry.optionRoomSYN == 0xFF ? nil : Int(entry.optionRoomSYN),
            optionRoomHandshakeACK: entry.optionRoomACK == 0xFF ? nil : Int(entry.optionRoomACK),
            icmpErrors: icmpErrors(extras), ipOptions: entry.flags.contains(.ipOptions),
            tunnel: extras?.tunnel.map { TunnelEndpoints(kind: $0.kind, source: $0.source, destination: $0.destination) },
            fingerprint: fingerprint(entry), ipvsState: entry.ipvsState, end: end)
    }

    /// `C` + base32(FNV-1a 64 of point name, key fields, first time); `prefix` has hashed
    /// the point name.
    static func uid(prefix: FNV1a, key: FlowKey, firstTime: Int64) -> FlowUID {
        var hash = prefix
        hash.add(key.highA)
        hash.add(key.lowA)
        hash.add(key.highB)
        hash.add(key.lowB)
        hash.add(key.portA)
        hash.add(key.portB)
        hash.add(key.proto)
        hash.add(key.kind)
        hash.add(key.vlans)
        hash.add(firstTime)
        return FlowUID(rawValue: hash.value)
    }

    private func state(_ entry: FlowEntry, history: String) -> ConnState {
        switch entry.key.proto {
        case 6:
            return ConnState.tcp(orig: entry.orig.endpoint, resp: entry.resp.endpoint, origBytes: entry.orig.payloadBytes,
                                 respBytes: entry.resp.payloadBytes, history: history)
        case 17:
            return ConnState.datagram(origActive: entry.orig.packets > 0, respActive: entry.resp.packets > 0)
        default:
            return .oth
        }
    }

    private func stats(_ side: FlowSideState, _ direction: FlowDirection, _ extras: FlowExtras?) -> FlowDirectionStats {
        var result = FlowDirectionStats()
        result.packets = Int(side.packets)
        result.payloadBytes = Int(side.payloadBytes)
        result.ipBytes = Int(side.ipBytes)
        result.retransmissions = Int(side.retransmissions)
        result.ttl = side.ttlMin <= side.ttlMax ? side.ttlMin...side.ttlMax : nil
        result.mss = side.mss == 0 ? nil : side.mss
        result.mac = side.packets > 0 ? legTable.leg(side.primaryLeg)?.source : nil
        if let extras {
            result.zeroWindows = Int(extras.zeroWindows[direction])
            result.gaps = Int(extras.gaps[direction])
            result.cookedIn = Int(extras.cookedIn[direction])
            result.cookedOutgoing = Int(extras.cookedOut[direction])
            result.badChecksums = Int(extras.badChecksums[direction])
            result.offloadedChecksums = Int(extras.offloadedChecksums[direction])
        }
        return result
    }

    private func frame(_ value: UInt32) -> Int? { value == 0 ? nil : Int(value) }

    private func toa(_ extras: FlowExtras?) -> TOAObservation? {
        guard let toa = extras?.toa, toa.packets > 0 || toa.malformed > 0 else { return nil }
        return TOAObservation(option: toa.option, placements: TOAPlacement(rawValue: toa.placements),
                              packets: Int(toa.packets), malformed: Int(toa.malformed))
    }

    private func icmpErrors(_ extras: FlowExtras?) -> ICMPErrorSummary? {
        guard let extras, let first = extras.firstICMPError else { return nil }
        return ICMPErrorSummary(count: Int(extras.icmpErrors), version: first.version, type: first.type, code: first.code,
                                sender: first.sender, frame: Int(first.frame), time: Timestamp(rawValue: first.time),
                                mtu: first.mtu)
    }

    private func fingerprint(_ entry: FlowEntry) -> FlowFingerprint {
        let f = entry.fingerprint
        let request = f.requestDigest == 0 || entry.flags.contains(.requestPartial) ? nil : f.requestDigest
        return FlowFingerprint(
            firstIPID: f.firstIPID, synSequence: entry.synFrame != 0 ? entry.orig.isn : nil, synWindow: f.synWindow,
            synTimestamp: f.synTimestamp,
            firstPacketTime: entry.flags.contains(.startedWithSYN) ? Timestamp(rawValue: entry.firstTime) : nil,
            requestDigest: request, requestLength: Int(f.requestLength), requestTimestamp: f.requestTimestamp,
            responseDigest: f.responseDigest == 0 ? nil : f.responseDigest, responseLength: Int(f.responseLength))
    }
}

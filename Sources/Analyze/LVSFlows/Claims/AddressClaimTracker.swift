import LVSCapture
import LVSDecode
import LVSWire

/// Collects the ARP and neighbour-discovery facts of one capture point: claims, queries
/// and MAC changes per address. ARP traffic is light, so dictionaries are fine here;
/// `result` sorts everything before it leaves.
struct AddressClaimTracker {
    private struct ClaimID: Hashable {
        var subPoint: UInt16
        var address: IPAddress
        var mac: MACAddress
        var kind: ClaimKind
    }

    private struct QueryID: Hashable {
        var subPoint: UInt16
        var address: IPAddress
        var requester: IPAddress?
        var mac: MACAddress
    }

    private struct Owner: Hashable {
        var subPoint: UInt16
        var address: IPAddress
    }

    /// Who claims an address now, and its history of changes.
    private struct Ownership {
        var current: MACAddress
        var macs: [MACAddress]
        var changes = 0
        var returns = 0
        var firstChange: (Int64, UInt32) = (0, 0)
        var lastChange: (Int64, UInt32) = (0, 0)
    }

    private var claims: [ClaimID: AddressClaim] = [:]
    private var queries: [QueryID: AddressQuery] = [:]
    private var owners: [Owner: Ownership] = [:]

    /// Looks at an ARP packet or an ICMPv6 neighbour solicitation/advertisement.
    mutating func observe(_ packet: DecodedPacket, time: Int64, frame: UInt32, subPoint: UInt16,
                          name: CapturePointName) {
        if let arp = packet.arp {
            observeARP(arp, time, frame, subPoint, name)
        } else if let icmp = packet.icmp, icmp.version == 6, let ip = packet.innerIP {
            observeND(icmp, ip, packet.link.source, time, frame, subPoint, name)
        }
    }

    private mutating func observeARP(_ arp: ARPInfo, _ time: Int64, _ frame: UInt32, _ subPoint: UInt16,
                                     _ name: CapturePointName) {
        let sender = IPAddress.v4(arp.senderIP)
        if arp.isRequest {
            if arp.isGratuitous {
                claim(sender, arp.senderMAC, .gratuitousRequest, time, frame, subPoint, name)
                return
            }
            let requester: IPAddress? = arp.senderIP.isUnspecified ? nil : sender
            if let requester { claim(requester, arp.senderMAC, .arpRequestSender, time, frame, subPoint, name) }
            query(.v4(arp.targetIP), requester, arp.senderMAC, time, frame, subPoint, name)
        } else if arp.isReply, !arp.senderIP.isUnspecified {
            claim(sender, arp.senderMAC, arp.isGratuitous ? .gratuitousReply : .arpReply, time, frame, subPoint, name)
        }
    }

    private mutating func observeND(_ icmp: ICMPInfo, _ ip: IPInfo, _ linkSource: MACAddress?, _ time: Int64,
                                    _ frame: UInt32, _ subPoint: UInt16, _ name: CapturePointName) {
        guard let target = icmp.neighborTarget else { return }
        let unspecified: Bool
        if case let .v6(source) = ip.source { unspecified = source.isUnspecified } else { unspecified = true }
        switch icmp.type {
        case 136:
            guard let mac = icmp.neighborLinkAddress ?? linkSource else { return }
            claim(.v6(target), mac, .neighborAdvertisement, time, frame, subPoint, name)
        case 135:
            guard let mac = icmp.neighborLinkAddress ?? linkSource else { return }
            if !unspecified { claim(ip.source, mac, .neighborSolicitationSource, time, frame, subPoint, name) }
            query(.v6(target), unspecified ? nil : ip.source, mac, time, frame, subPoint, name)
        default:
            break
        }
    }

    private mutating func claim(_ address: IPAddress, _ mac: MACAddress, _ kind: ClaimKind, _ time: Int64,
                                _ frame: UInt32, _ subPoint: UInt16, _ name: CapturePointName) {
        let id = ClaimID(subPoint: subPoint, address: address, mac: mac, kind: kind)
        let stamp = Timestamp(rawValue: time)
        if var existing = claims[id] {
            existing.count += 1
            existing.lastTime = max(existing.lastTime, stamp)
            existing.lastFrame = Int(frame)
            claims[id] = existing
        } else {
            claims[id] = AddressClaim(address: address, mac: mac, point: name, kind: kind, count: 1, firstTime: stamp,
                                      lastTime: stamp, firstFrame: Int(frame), lastFrame: Int(frame))
        }
        noteOwner(Owner(subPoint: subPoint, address: address), mac, time, frame)
    }

    private mutating func noteOwner(_ owner: Owner, _ mac: MACAddress, _ time: Int64, _ frame: UInt32) {
        guard var state = owners[owner] else {
            owners[owner] = Ownership(current: mac, macs: [mac])
            return
        }
        guard state.current != mac else { return }
        if state.changes == 0 { state.firstChange = (time, frame) }
        state.changes += 1
        state.lastChange = (time, frame)
        if state.macs.contains(mac) { state.returns += 1 } else { state.macs.append(mac) }
        state.current = mac
        owners[owner] = state
    }

    private mutating func query(_ address: IPAddress, _ requester: IPAddress?, _ mac: MACAddress, _ time: Int64,
                                _ frame: UInt32, _ subPoint: UInt16, _ name: CapturePointName) {
        let id = QueryID(subPoint: subPoint, address: address, requester: requester, mac: mac)
        let stamp = Timestamp(rawValue: time)
        if var existing = queries[id] {
            existing.count += 1
            existing.lastTime = max(existing.lastTime, stamp)
            queries[id] = existing
        } else {
            queries[id] = AddressQuery(address: address, requesterAddress: requester, requesterMAC: mac, point: name,
                                       count: 1, firstTime: stamp, lastTime: stamp, firstFrame: Int(frame))
        }
    }

    /// Sorted claims, queries and the flip-flops (addresses whose MAC came back).
    func result(names: [CapturePointName]) -> AddressClaims {
        let flipFlops = owners.compactMap { owner, state -> MACFlipFlop? in
            guard state.returns > 0 else { return nil }
            return MACFlipFlop(address: owner.address, point: names[Int(owner.subPoint)], macs: state.macs,
                               changes: state.changes, returns: state.returns,
                               firstChangeTime: Timestamp(rawValue: state.firstChange.0),
                               firstChangeFrame: Int(state.firstChange.1),
                               lastChangeTime: Timestamp(rawValue: state.lastChange.0),
                               lastChangeFrame: Int(state.lastChange.1))
        }
        return AddressClaims.merging([AddressClaims(claims: Array(claims.values), queries: Array(queries.values),
                                                    flipFlops: flipFlops)])
    }
}

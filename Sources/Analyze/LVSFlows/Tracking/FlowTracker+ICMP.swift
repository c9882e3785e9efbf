import LVSDecode
import LVSWire

extension FlowTracker {
    /// ICMP and ICMPv6: an echo conversation is one flow per identifier; any other message
    /// is a flow keyed like Zeek's (type and counterpart type, or type and code). An error
    /// is also counted on the flow whose packet it quotes.
    func trackICMP(_ icmp: ICMPInfo, _ ip: IPInfo, _ c: PacketContext) {
        if icmp.isError { attachError(icmp, c) }
        let proto: UInt8 = icmp.version == 4 ? 1 : 58
        let echoRequest: UInt8 = icmp.version == 4 ? 8 : 128
        let echoReply: UInt8 = icmp.version == 4 ? 0 : 129
        let isEcho = !icmp.isError && (icmp.type == echoRequest || icmp.type == echoReply)
        let ports = ICMPPorts.map(type: icmp.type, code: icmp.code, version: icmp.version)
        let (key, sourceIsA) = FlowKey.make(
            source: c.source, sourcePort: isEcho ? icmp.identifier : ports.source, destination: c.destination,
            destinationPort: isEcho ? icmp.identifier : ports.destination, proto: proto, echo: isEcho,
            subPoint: c.subPoint, vlans: c.vlans)
        let (_, entry, isNew) = flow(key, sourceIsA: sourceIsA, flip: isEcho && icmp.type == echoReply, c)
        if isNew, !(isEcho && icmp.type == echoReply) { entry.pointee.flags.insert(.startedWithSYN) }
        let direction = entry.pointee.direction(sourceIsA: sourceIsA)
        let body = max(0, ip.payloadLength - 8)
        let signature = FlowTracker.signature(
            UInt64(c.ipID) | UInt64(icmp.sequence) << 16 | UInt64(icmp.type) << 32 | UInt64(icmp.code) << 40,
            UInt64(UInt32(truncatingIfNeeded: body)) << 1 | UInt64(direction.rawValue))
        if classify(entry, direction, signature: signature, resendable: false, oldData: false, c) == .copy {
            countCopy(entry, direction, c)
            return
        }
        let s = count(entry, direction, c)
        if noteChecksum(icmp.checksum, entry, direction) { return }
        s.pointee.payloadBytes &+= UInt64(body)
        noteDatagramContent(entry, direction, c, length: body)
    }

    /// Counts an ICMP error on the flow its quoted header names, when that flow is live
    /// at the same sub-point.
    private func attachError(_ icmp: ICMPInfo, _ c: PacketContext) {
        guard let quoted = quoted(icmp, c) else { return }
        guard let slot = table.find(quoted, hash: quoted.hash) else { return }
        let entry = table.entry(slot)
        withExtras(entry) { extras in
            extras.icmpErrors &+= 1
            if extras.firstICMPError == nil {
                extras.firstICMPError = ICMPErrorState(version: icmp.version, type: icmp.type, code: icmp.code,
                                                       sender: c.source, frame: c.frame, time: c.time, mtu: icmp.mtu)
            }
        }
    }

    private func quoted(_ icmp: ICMPInfo, _ c: PacketContext) -> FlowKey? {
        guard let q = icmp.quoted, let sourcePort = q.sourcePort, let destinationPort = q.destinationPort,
              q.protocolNumber == .tcp || q.protocolNumber == .udp || q.protocolNumber == .sctp else { return nil }
        return FlowKey.make(source: q.source, sourcePort: sourcePort, destination: q.destination,
                            destinationPort: destinationPort, proto: q.protocolNumber.rawValue, echo: false,
                            subPoint: c.subPoint, vlans: c.vlans).key
    }
}

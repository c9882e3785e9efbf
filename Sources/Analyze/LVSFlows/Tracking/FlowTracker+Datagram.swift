import LVSDecode
import LVSWire

extension FlowTracker {
    /// UDP (and any other transport with ports the decoder reads).
    func trackDatagram(_ transport: TransportInfo, _ c: PacketContext) {
        let (key, sourceIsA) = FlowKey.make(source: c.source, sourcePort: transport.sourcePort,
                                            destination: c.destination, destinationPort: transport.destinationPort,
                                            proto: transport.protocolNumber.rawValue, echo: false,
                                            subPoint: c.subPoint, vlans: c.vlans)
        let (_, entry, isNew) = flow(key, sourceIsA: sourceIsA, flip: false, c)
        let direction = entry.pointee.direction(sourceIsA: sourceIsA)
        if isNew { entry.pointee.flags.insert(.startedWithSYN) }
        let payload = transport.payloadLength
        // IPv6 has no IP ID, and many stacks send UDP with ID 0: the payload's digest
        // tells two datagrams apart.
        let signature = FlowTracker.signature(UInt64(c.ipID) | UInt64(UInt32(truncatingIfNeeded: payload)) << 32,
                                              UInt64(c.digest) << 1 | UInt64(direction.rawValue))
        if classify(entry, direction, signature: signature, resendable: false, oldData: false, c) == .copy {
            countCopy(entry, direction, c)
            return
        }
        let s = count(entry, direction, c)
        if noteChecksum(transport.checksum, entry, direction) { return }
        s.pointee.payloadBytes &+= UInt64(payload)
        noteDatagramContent(entry, direction, c, length: payload)
    }

    /// Zeek's D/d once per side, and the fingerprint of each side's first datagram.
    func noteDatagramContent(_ entry: UnsafeMutablePointer<FlowEntry>, _ direction: FlowDirection, _ c: PacketContext,
                             length: Int) {
        let s = side(entry, direction)
        if s.pointee.packets == 1 {
            if direction == .orig {
                entry.pointee.fingerprint.firstIPID = c.ipID
                noteRequest(entry, digest: c.digest, length: length)
            } else {
                noteResponse(entry, digest: c.digest, length: length)
            }
        }
        if length > 0 {
            if !s.pointee.seen.contains(.letterD) { addLetter(entry, UInt8(ascii: "D"), direction) }
            s.pointee.seen.insert([.letterD, .data])
        }
    }

    /// IP protocols without ports the decoder reads (GRE not carrying IP, SCTP, ...):
    /// one flow per address pair and protocol.
    func trackOther(_ ip: IPInfo, _ c: PacketContext) {
        let (key, sourceIsA) = FlowKey.make(source: c.source, sourcePort: 0, destination: c.destination,
                                            destinationPort: 0, proto: ip.protocolNumber.rawValue, echo: false,
                                            subPoint: c.subPoint, vlans: c.vlans)
        let (_, entry, isNew) = flow(key, sourceIsA: sourceIsA, flip: false, c)
        if isNew { entry.pointee.flags.insert(.startedWithSYN) }
        let direction = entry.pointee.direction(sourceIsA: sourceIsA)
        let signature = FlowTracker.signature(UInt64(c.ipID) | UInt64(UInt32(truncatingIfNeeded: ip.payloadLength)) << 32,
                                              UInt64(direction.rawValue))
        if classify(entry, direction, signature: signature, resendable: false, oldData: false, c) == .copy {
            countCopy(entry, direction, c)
            return
        }
        let s = count(entry, direction, c)
        s.pointee.payloadBytes &+= UInt64(ip.payloadLength)
        if s.pointee.packets == 1, direction == .orig { entry.pointee.fingerprint.firstIPID = c.ipID }
    }
}

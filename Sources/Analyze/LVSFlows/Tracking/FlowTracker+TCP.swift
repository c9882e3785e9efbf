import LVSDecode
import LVSWire

extension FlowTracker {
    func trackTCP(_ tcp: TCPInfo, _ transport: TransportInfo, _ c: PacketContext) {
        let (key, sourceIsA) = FlowKey.make(source: c.source, sourcePort: transport.sourcePort,
                                            destination: c.destination, destinationPort: transport.destinationPort,
                                            proto: 6, echo: false, subPoint: c.subPoint, vlans: c.vlans)
        let flags = tcp.flags
        let pureSYN = flags.contains(.syn) && !flags.contains(.ack)
        var (slot, entry, isNew) = flow(key, sourceIsA: sourceIsA,
                                        flip: flags.contains(.syn) && flags.contains(.ack), c)
        if !isNew, pureSYN, isReused(entry, sourceIsA: sourceIsA, sequence: tcp.sequenceNumber) {
            end(slot, .reused)
            (slot, entry, isNew) = flow(key, sourceIsA: sourceIsA, flip: false, c)
        }
        var direction = entry.pointee.direction(sourceIsA: sourceIsA)
        if pureSYN, direction == .resp, !entry.pointee.orig.seen.contains(.syn),
           !entry.pointee.resp.seen.contains(.syn) {
            flipRoles(entry)
            direction = .orig
        }
        if isNew, pureSYN { entry.pointee.flags.insert(.startedWithSYN) }
        let verdict = classifyTCP(entry, direction, tcp, transport.payloadLength, c)
        if verdict == .copy {
            countCopy(entry, direction, c)
            return
        }
        count(entry, direction, c)
        if noteChecksum(transport.checksum, entry, direction) { return }
        updateTCP(entry, direction, tcp, transport, c, duplicate: verdict == .duplicate)
    }

    /// A SYN with a new initial sequence number on a flow that has closed (both FINs, a
    /// RST, or an IPVS entry in TIME_WAIT/CLOSE): a new connection on the same 5-tuple.
    func isReused(_ entry: UnsafeMutablePointer<FlowEntry>, sourceIsA: Bool, sequence: UInt32) -> Bool {
        let sender = side(entry, entry.pointee.direction(sourceIsA: sourceIsA)).pointee
        guard sender.seen.contains(.syn) || sender.seen.contains(.synAck), sender.isn != sequence else { return false }
        let orig = entry.pointee.orig.endpoint
        let resp = entry.pointee.resp.endpoint
        let closed = (orig == .closed && resp == .closed) || orig == .reset || resp == .reset
        return closed || entry.pointee.ipvsState == .timeWait || entry.pointee.ipvsState == .close
    }

    private func classifyTCP(_ entry: UnsafeMutablePointer<FlowEntry>, _ direction: FlowDirection, _ tcp: TCPInfo,
                             _ payload: Int, _ c: PacketContext) -> CopyVerdict {
        let flags = tcp.flags
        let resendable = payload > 0 || flags.contains(.syn) || flags.contains(.fin)
        let s = side(entry, direction).pointee
        var oldData = false
        if resendable, s.seen.contains(.sequenced) {
            if flags.contains(.syn) {
                oldData = tcp.sequenceNumber == s.isn
            } else {
                let end = tcp.sequenceNumber &+ UInt32(payload) &+ (flags.contains(.fin) ? 1 : 0)
                oldData = Int32(bitPattern: end &- s.nextSeq) <= 0
            }
        }
        let signature = FlowTracker.signature(
            UInt64(c.ipID) | UInt64(UInt32(truncatingIfNeeded: payload)) << 16 | UInt64(flags.rawValue) << 48,
            UInt64(tcp.sequenceNumber) << 32 | UInt64(tcp.acknowledgementNumber) ^ UInt64(direction.rawValue) << 63)
        return classify(entry, direction, signature: signature, resendable: resendable, oldData: oldData, c)
    }

    private func updateTCP(_ entry: UnsafeMutablePointer<FlowEntry>, _ direction: FlowDirection, _ tcp: TCPInfo,
                           _ transport: TransportInfo, _ c: PacketContext, duplicate: Bool) {
        let s = side(entry, direction)
        let peer = side(entry, direction.reversed)
        let flags = tcp.flags
        let payload = transport.payloadLength
        tcpHistory(entry, direction, flags, sequence: tcp.sequenceNumber, payload: payload)
        let retransmitted = trackSequence(entry, direction, tcp, payload: payload) || duplicate
        if retransmitted {
            s.pointee.retransmissions &+= 1
            addScaledLetter(entry, UInt8(ascii: "T"), direction, count: s.pointee.retransmissions)
        } else {
            s.pointee.payloadBytes &+= UInt64(payload)
        }
        if tcp.window == 0, !flags.contains(.rst), peer.pointee.endpoint != .closed, s.pointee.endpoint != .reset {
            let n = withExtras(entry) { $0.zeroWindows.increment(direction) }
            addScaledLetter(entry, UInt8(ascii: "W"), direction, count: n)
        }
        noteHandshake(entry, direction, tcp, payload: payload, c)
        noteFingerprint(entry, direction, tcp, transport, c)
        TCPEndpointTransitions.apply(flags: flags, payload: payload, isOrig: direction == .orig,
                                     endpoint: &s.pointee.endpoint, peer: &peer.pointee.endpoint)
        entry.pointee.ipvsState = IPVSStateTable.next(entry.pointee.ipvsState, flags: flags, direction: direction,
                                                      inputOnly: entry.pointee.resp.packets == 0)
        if flags.contains(.syn) { s.pointee.seen.insert(flags.contains(.ack) ? .synAck : .syn) }
        if flags.contains(.fin) { s.pointee.seen.insert(.fin) }
        if flags.contains(.rst) { s.pointee.seen.insert(.rst) }
        if payload > 0 { s.pointee.seen.insert(.data) }
    }

    /// Zeek's `update_history`: S/H once per side plus again for a new initial sequence
    /// number, F again when a FIN advances the sequence (not a retransmitted FIN), R once
    /// per side (Zeek repeats it for a RST with a new sequence number; lvscope keeps no
    /// room for that), D and A once per side; packets with two of SYN/FIN/RST add nothing.
    private func tcpHistory(_ entry: UnsafeMutablePointer<FlowEntry>, _ direction: FlowDirection, _ flags: TCPFlags,
                            sequence: UInt32, payload: Int) {
        let s = side(entry, direction)
        let controls = (flags.contains(.syn) ? 1 : 0) + (flags.contains(.fin) ? 1 : 0) + (flags.contains(.rst) ? 1 : 0)
        if controls > 1 { return }
        var letter: UInt8?
        if flags.contains(.syn) {
            let bit: SideFlags = flags.contains(.ack) ? .letterH : .letterS
            if !s.pointee.seen.contains(bit) || sequence != s.pointee.isn { letter = flags.contains(.ack) ? 72 : 83 }
            s.pointee.seen.insert(bit)
        } else if flags.contains(.fin) {
            let end = sequence &+ UInt32(truncatingIfNeeded: payload) &+ 1
            let advances = Int32(bitPattern: end &- s.pointee.nextSeq) > 0
            if !s.pointee.seen.contains(.letterF) || advances { letter = 70 }
            s.pointee.seen.insert(.letterF)
        } else if flags.contains(.rst) {
            if !s.pointee.seen.contains(.letterR) { letter = 82 }
            s.pointee.seen.insert(.letterR)
        } else if payload > 0 {
            if !s.pointee.seen.contains(.letterD) { letter = 68 }
            s.pointee.seen.insert(.letterD)
        } else if flags.contains(.ack) {
            if !s.pointee.seen.contains(.letterA) { letter = 65 }
            s.pointee.seen.insert(.letterA)
        }
        if let letter { addLetter(entry, letter, direction) }
    }

    /// Advances the side's sequence space; true for a retransmission (a SYN again with the
    /// same number, or payload wholly below what was sent). A start beyond the highest
    /// number sent is a gap: bytes the capture missed.
    private func trackSequence(_ entry: UnsafeMutablePointer<FlowEntry>, _ direction: FlowDirection, _ tcp: TCPInfo,
                               payload: Int) -> Bool {
        let s = side(entry, direction)
        let flags = tcp.flags
        let seq = tcp.sequenceNumber
        let length = UInt32(truncatingIfNeeded: payload) &+ (flags.contains(.syn) ? 1 : 0) &+ (flags.contains(.fin) ? 1 : 0)
        if flags.contains(.syn) {
            if s.pointee.seen.contains(.sequenced), s.pointee.seen.contains(.syn) || s.pointee.seen.contains(.synAck),
               seq == s.pointee.isn {
                return true
            }
            s.pointee.isn = seq
            s.pointee.nextSeq = seq &+ length
            s.pointee.seen.insert(.sequenced)
            return false
        }
        if flags.contains(.rst) { return false }
        guard s.pointee.seen.contains(.sequenced) else {
            s.pointee.nextSeq = seq &+ length
            s.pointee.seen.insert(.sequenced)
            return false
        }
        let end = seq &+ length
        if Int32(bitPattern: end &- s.pointee.nextSeq) > 0 {
            if payload > 0, Int32(bitPattern: seq &- s.pointee.nextSeq) > 0 {
                let n = withExtras(entry) { $0.gaps.increment(direction) }
                addScaledLetter(entry, UInt8(ascii: "G"), direction, count: n)
            }
            s.pointee.nextSeq = end
            return false
        }
        return payload > 0
    }
}

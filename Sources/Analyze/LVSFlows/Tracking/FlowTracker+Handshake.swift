import LVSDecode
import LVSWire

extension FlowTracker {
    /// Frames of the first SYN, SYN-ACK, payload and RST; MSS; the TCP option room on the
    /// SYN and on the ACK that completes the handshake; TOA options and where they were.
    func noteHandshake(_ entry: UnsafeMutablePointer<FlowEntry>, _ direction: FlowDirection, _ tcp: TCPInfo,
                       payload: Int, _ c: PacketContext) {
        let flags = tcp.flags
        let s = side(entry, direction)
        let room = UInt8(clamping: max(0, 40 - tcp.optionsLength))
        if flags.contains(.syn) {
            if !flags.contains(.ack) {
                if direction == .orig, entry.pointee.synFrame == 0 {
                    entry.pointee.synFrame = c.frame
                    entry.pointee.optionRoomSYN = room
                }
            } else if entry.pointee.synAckFrame == 0 {
                entry.pointee.synAckFrame = c.frame
            }
            if s.pointee.mss == 0, let mss = tcp.maximumSegmentSize { s.pointee.mss = mss }
        }
        if payload > 0, entry.pointee.dataFrame == 0 { entry.pointee.dataFrame = c.frame }
        if flags.contains(.rst), entry.pointee.rstFrame == 0 { entry.pointee.rstFrame = c.frame }
        let handshakeACK = isHandshakeACK(entry, direction, tcp)
        if handshakeACK {
            entry.pointee.flags.insert(.handshakeACK)
            entry.pointee.optionRoomACK = room
        }
        if let option = tcp.clientAddress {
            let placement: TOAPlacement = flags.contains(.syn) ? .syn : handshakeACK ? .handshakeACK : .other
            withExtras(entry) { extras in
                if extras.toa.option == nil { extras.toa.option = option }
                extras.toa.packets &+= 1
                extras.toa.placements |= placement.rawValue
            }
        }
        if tcp.clientAddressMalformed { withExtras(entry) { $0.toa.malformed &+= 1 } }
    }

    /// The originator's first ACK acknowledging the responder's SYN (ack = ISN + 1):
    /// the packet a real server's TOA module reads the client address from.
    private func isHandshakeACK(_ entry: UnsafeMutablePointer<FlowEntry>, _ direction: FlowDirection,
                                _ tcp: TCPInfo) -> Bool {
        let flags = tcp.flags
        return direction == .orig && flags.contains(.ack) && !flags.contains(.syn) && !flags.contains(.rst)
            && !entry.pointee.flags.contains(.handshakeACK) && entry.pointee.resp.seen.contains(.synAck)
            && tcp.acknowledgementNumber == entry.pointee.resp.isn &+ 1
    }

    /// Records the invariant content correlation matches (`FingerprintState`).
    func noteFingerprint(_ entry: UnsafeMutablePointer<FlowEntry>, _ direction: FlowDirection, _ tcp: TCPInfo,
                         _ transport: TransportInfo, _ c: PacketContext) {
        let s = side(entry, direction)
        let payload = transport.payloadLength
        if direction == .orig {
            if s.pointee.packets == 1 { entry.pointee.fingerprint.firstIPID = c.ipID }
            if entry.pointee.synFrame == c.frame, tcp.flags.contains(.syn) {
                entry.pointee.fingerprint.synWindow = tcp.window
                entry.pointee.fingerprint.synTimestamp = tcp.timestamp ?? 0
            }
            if payload > 0, !s.pointee.seen.contains(.data) {
                noteRequest(entry, digest: c.digest, length: payload)
                entry.pointee.fingerprint.requestTimestamp = tcp.timestamp ?? 0
            }
        } else if payload > 0, !s.pointee.seen.contains(.data) {
            noteResponse(entry, digest: c.digest, length: payload)
        }
    }

    func noteRequest(_ entry: UnsafeMutablePointer<FlowEntry>, digest: UInt32, length: Int) {
        entry.pointee.fingerprint.requestDigest = digest
        entry.pointee.fingerprint.requestLength = UInt16(clamping: length)
        if digest == 0 { entry.pointee.flags.insert(.requestPartial) }
    }

    func noteResponse(_ entry: UnsafeMutablePointer<FlowEntry>, digest: UInt32, length: Int) {
        entry.pointee.fingerprint.responseDigest = digest
        entry.pointee.fingerprint.responseLength = UInt16(clamping: length)
    }
}

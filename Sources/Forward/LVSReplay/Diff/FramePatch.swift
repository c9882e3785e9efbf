import LVSDecode
import LVSWire

/// Edits the headers of an Ethernet frame in place, keeping every checksum it touches
/// consistent by RFC 1624 incremental updates (so a checksum that was wrong stays wrong
/// by the same amount, as the kernel's own incremental updates do). Used to re-align an
/// expected packet with the real server, local port and sequence offset the real director
/// chose, and to carry a real server's reply into the model's view of the connection.
///
/// Offsets come from a `DecodedPacket` of the same frame: the innermost IP header (the
/// one a NAT rewrites) and, for tunnels, the outer one.
struct FramePatch {
    enum End { case source, destination }

    let bytes: UnsafeMutableRawBufferPointer
    /// The innermost IP header.
    let ip: IPInfo
    /// The outer IP header when the frame is a tunnel packet.
    let outer: IPInfo?
    /// Offset and protocol of the innermost transport header (TCP, UDP, ICMPv6).
    let transport: Int?
    let proto: IPProtocol

    init?(_ bytes: UnsafeMutableRawBufferPointer, _ packet: DecodedPacket) {
        guard packet.linkType == .ethernet, let ip = packet.innerIP, !ip.isFragment else { return nil }
        self.bytes = bytes
        self.ip = ip
        outer = packet.tunnel == nil ? nil : packet.ip
        proto = ip.protocolNumber
        switch proto {
        case .tcp, .udp, .icmpv6: transport = ip.payloadOffset
        default: transport = nil
        }
        if let transport, transport + checksumOffset + 2 > bytes.count { return nil }
    }

    private var checksumOffset: Int {
        switch proto {
        case .tcp: TCPView.Field.checksum
        case .udp: UDPView.Field.checksum
        default: 2
        }
    }

    func setMAC(_ end: End, _ mac: MACAddress) {
        mac.write(into: bytes, at: end == .destination ? 0 : 6)
    }

    /// Replaces the innermost source or destination address (same family).
    func setAddress(_ end: End, _ address: IPAddress) {
        let offset = ip.offset + (ip.version == 4 ? (end == .source ? 12 : 16) : (end == .source ? 8 : 24))
        switch address {
        case let .v4(new) where ip.version == 4:
            let old = IPv4Address(rawValue: UnsafeRawBufferPointer(bytes).u32(at: offset))
            bytes.setU32(new.rawValue, at: offset)
            adjustIPv4Header(at: ip.offset) { InternetChecksum.adjust($0, old: old, new: new) }
            adjustTransport(old: old.rawValue, new: new.rawValue)
        case let .v6(new) where ip.version == 6:
            let view = UnsafeRawBufferPointer(bytes)
            let old = IPv6Address(high: view.u64(at: offset), low: view.u64(at: offset + 8))
            bytes.setU64(new.high, at: offset)
            bytes.setU64(new.low, at: offset + 8)
            adjustTransport { checksum, udp in
                udp ? InternetChecksum.adjustUDP(checksum, old: old, new: new)
                    : InternetChecksum.adjust(checksum, old: old, new: new)
            }
        default:
            break
        }
    }

    /// Replaces a TCP or UDP port.
    func setPort(_ end: End, _ port: UInt16) {
        guard let transport, proto == .tcp || proto == .udp else { return }
        let offset = transport + (end == .source ? 0 : 2)
        let old = UnsafeRawBufferPointer(bytes).u16(at: offset)
        bytes.setU16(port, at: offset)
        adjustTransport { checksum, udp in
            udp ? InternetChecksum.adjustUDP(checksum, old: old, new: port)
                : InternetChecksum.adjust(checksum, old: old, new: port)
        }
    }

    /// Adds `delta` to the TCP sequence number.
    func addToSequence(_ delta: UInt32) {
        addToTCPWord(at: TCPView.Field.sequenceNumber, delta)
    }

    /// Adds `delta` to the TCP acknowledgement number and to every SACK edge (both live in
    /// the peer's sequence space).
    func addToAcknowledgement(_ delta: UInt32) {
        addToTCPWord(at: TCPView.Field.acknowledgementNumber, delta)
        guard let transport, proto == .tcp else { return }
        let view = UnsafeRawBufferPointer(bytes)
        let headerLength = Int(view.u8(at: transport + TCPView.Field.dataOffsetAndFlags) >> 4) * 4
        guard headerLength > 20, transport + headerLength <= bytes.count else { return }
        var options = TCPOptions(view.slice(from: transport + 20, length: headerLength - 20))
        while let option = options.next() {
            guard case let .sack(blocks) = option else { continue }
            let start = transport + 20 + options.currentOffset + 2
            for index in 0..<blocks.count * 2 { addToTCPWord(absolute: start + 4 * index, delta) }
        }
    }

    /// Replaces the outer IPv4 identification of a tunnel packet.
    func setOuterIdentification(_ identification: UInt16) {
        guard let outer, outer.version == 4 else { return }
        let offset = outer.offset + IPv4View.Field.identification
        let old = UnsafeRawBufferPointer(bytes).u16(at: offset)
        bytes.setU16(identification, at: offset)
        adjustIPv4Header(at: outer.offset) { InternetChecksum.adjust($0, old: old, new: identification) }
    }

    /// Replaces the outer destination of a tunnel packet (IPv4 or IPv6 outer header).
    func setOuterDestination(_ address: IPAddress) {
        guard let outer else { return }
        switch address {
        case let .v4(new) where outer.version == 4:
            let offset = outer.offset + 16
            let old = IPv4Address(rawValue: UnsafeRawBufferPointer(bytes).u32(at: offset))
            bytes.setU32(new.rawValue, at: offset)
            adjustIPv4Header(at: outer.offset) { InternetChecksum.adjust($0, old: old, new: new) }
        case let .v6(new) where outer.version == 6:
            bytes.setU64(new.high, at: outer.offset + 24)
            bytes.setU64(new.low, at: outer.offset + 32)
        default:
            break
        }
    }

    private func addToTCPWord(at field: Int, _ delta: UInt32) {
        guard let transport, proto == .tcp, delta != 0 else { return }
        addToTCPWord(absolute: transport + field, delta)
    }

    private func addToTCPWord(absolute offset: Int, _ delta: UInt32) {
        let old = UnsafeRawBufferPointer(bytes).u32(at: offset)
        let new = old &+ delta
        bytes.setU32(new, at: offset)
        adjustTransport { checksum, _ in InternetChecksum.adjust(checksum, old: old, new: new) }
    }

    private func adjustIPv4Header(at offset: Int, _ update: (UInt16) -> UInt16) {
        let field = offset + IPv4View.Field.headerChecksum
        bytes.setU16(update(UnsafeRawBufferPointer(bytes).u16(at: field)), at: field)
    }

    /// A pseudo-header word changed (IPv4 address halves).
    private func adjustTransport(old: UInt32, new: UInt32) {
        adjustTransport { checksum, udp in
            udp ? InternetChecksum.adjustUDP(checksum, old: old, new: new)
                : InternetChecksum.adjust(checksum, old: old, new: new)
        }
    }

    /// Applies `update(checksum, isUDP)` to the transport checksum; ICMPv4 has no
    /// pseudo-header and is left alone.
    private func adjustTransport(_ update: (UInt16, Bool) -> UInt16) {
        guard let transport else { return }
        let field = transport + checksumOffset
        bytes.setU16(update(UnsafeRawBufferPointer(bytes).u16(at: field), proto == .udp), at: field)
    }
}

import LVSDecode
import LVSWire

/// Editing the packet an ICMP error quotes (RFC 792: IP header and at least 8 bytes of its
/// transport), as if the real server had received the model's request instead of the real
/// director's. Each edit updates, incrementally, the quoted IPv4 header checksum, the
/// quoted TCP/UDP checksum when it is quoted (the server quotes what it received, and the
/// received packet's checksum covered these fields), and the ICMP checksum over all of it.
/// Quoted fields are 16-bit aligned from the ICMP header, so word-wise updates are exact.
extension FramePatch {
    /// Offsets of the quoted packet: its IP header, its transport header, its version.
    private var quote: (ip: Int, transport: Int, isIPv4: Bool, proto: UInt8)? {
        guard proto == .icmp || proto == .icmpv6 else { return nil }
        let start = ip.payloadOffset + 8
        guard start + 20 <= bytes.count else { return nil }
        let view = UnsafeRawBufferPointer(bytes)
        switch view.u8(at: start) >> 4 {
        case 4:
            let headerLength = Int(view.u8(at: start) & 0x0F) * 4
            return (start, start + headerLength, true, view.u8(at: start + IPv4View.Field.protocol))
        case 6:
            guard start + IPv6View.headerLength <= bytes.count else { return nil }
            return (start, start + IPv6View.headerLength, false, view.u8(at: start + 6))
        default:
            return nil
        }
    }

    private var icmpChecksum: Int { ip.payloadOffset + 2 }

    /// Replaces the quoted packet's source or destination address.
    func setQuotedAddress(_ end: End, _ address: IPAddress) {
        guard let quote else { return }
        switch address {
        case let .v4(new) where quote.isIPv4:
            let offset = quote.ip + (end == .source ? IPv4View.Field.source : IPv4View.Field.destination)
            replace(at: offset, width: 4, with: UInt64(new.rawValue), quote: quote, inIPv4Header: true,
                    inPseudoHeader: true)
        case let .v6(new) where !quote.isIPv4:
            let offset = quote.ip + (end == .source ? 8 : 24)
            replace(at: offset, width: 8, with: new.high, quote: quote, inIPv4Header: false, inPseudoHeader: true)
            replace(at: offset + 8, width: 8, with: new.low, quote: quote, inIPv4Header: false, inPseudoHeader: true)
        default:
            break
        }
    }

    /// Replaces the quoted TCP/UDP source or destination port.
    func setQuotedPort(_ end: End, _ port: UInt16) {
        guard let quote, quote.proto == IPProtocol.tcp.rawValue || quote.proto == IPProtocol.udp.rawValue,
              quote.transport + 4 <= bytes.count else { return }
        replace(at: quote.transport + (end == .source ? 0 : 2), width: 2, with: UInt64(port), quote: quote,
                inIPv4Header: false, inPseudoHeader: true)
    }

    /// Adds `delta` to the quoted TCP sequence number.
    func addToQuotedSequence(_ delta: UInt32) {
        guard let quote, quote.proto == IPProtocol.tcp.rawValue, quote.transport + 8 <= bytes.count, delta != 0 else {
            return
        }
        let old = UnsafeRawBufferPointer(bytes).u32(at: quote.transport + 4)
        replace(at: quote.transport + 4, width: 4, with: UInt64(old &+ delta), quote: quote, inIPv4Header: false,
                inPseudoHeader: true)
    }

    /// Writes `width` bytes (2, 4 or 8) at `offset` and carries the change through the
    /// checksums that cover it.
    private func replace(at offset: Int, width: Int, with new: UInt64,
                         quote: (ip: Int, transport: Int, isIPv4: Bool, proto: UInt8),
                         inIPv4Header: Bool, inPseudoHeader: Bool) {
        var changes: [(offset: Int, old: UInt16, new: UInt16)] = []
        let view = UnsafeRawBufferPointer(bytes)
        for word in 0..<(width / 2) {
            let position = offset + 2 * word
            let value = UInt16(truncatingIfNeeded: new >> UInt64(8 * (width - 2 - 2 * word)))
            changes.append((position, view.u16(at: position), value))
        }
        for change in changes { bytes.setU16(change.new, at: change.offset) }
        var checksumChanges: [(offset: Int, old: UInt16, new: UInt16)] = []
        if inIPv4Header, quote.isIPv4 {
            checksumChanges.append(adjust(field: quote.ip + IPv4View.Field.headerChecksum, changes, udp: false))
        }
        let l4Field = quote.proto == IPProtocol.tcp.rawValue ? 16 : quote.proto == IPProtocol.udp.rawValue ? 6 : nil
        if let l4Field, inPseudoHeader || offset >= quote.transport, quote.transport + l4Field + 2 <= bytes.count {
            checksumChanges.append(adjust(field: quote.transport + l4Field, changes,
                                          udp: quote.proto == IPProtocol.udp.rawValue))
        }
        _ = adjust(field: icmpChecksum, changes + checksumChanges, udp: false)
    }

    /// Applies 16-bit word changes to the checksum at `field`; returns that field's change.
    private func adjust(field: Int, _ changes: [(offset: Int, old: UInt16, new: UInt16)],
                        udp: Bool) -> (offset: Int, old: UInt16, new: UInt16) {
        let old = UnsafeRawBufferPointer(bytes).u16(at: field)
        var checksum = old
        for change in changes {
            checksum = udp ? InternetChecksum.adjustUDP(checksum, old: change.old, new: change.new)
                : InternetChecksum.adjust(checksum, old: change.old, new: change.new)
        }
        bytes.setU16(checksum, at: field)
        return (field, old, checksum)
    }
}

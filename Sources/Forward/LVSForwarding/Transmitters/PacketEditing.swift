import LVSWire

/// In-place edits of a frame in a `PacketBuffer`, by the offsets `ParsedFrame` found.
/// Field offsets come from the LVSWire views' `Field` enums.
enum PacketEditing {
    typealias Buffer = UnsafeMutableRawBufferPointer

    static func setMACs(_ buffer: Buffer, destination: MACAddress, source: MACAddress) {
        destination.write(into: buffer, at: EthernetView.Field.destination)
        source.write(into: buffer, at: EthernetView.Field.source)
    }

    static func ttl(_ buffer: Buffer, network: Int, isIPv4: Bool) -> UInt8 {
        buffer[network + (isIPv4 ? IPv4View.Field.ttl : IPv6View.Field.hopLimit)]
    }

    static func setTTL(_ buffer: Buffer, network: Int, isIPv4: Bool, _ ttl: UInt8) {
        buffer[network + (isIPv4 ? IPv4View.Field.ttl : IPv6View.Field.hopLimit)] = ttl
    }

    /// Lowers the TTL or hop limit by one; an IPv4 header checksum follows incrementally.
    static func decrementTTL(_ buffer: Buffer, network: Int, isIPv4: Bool) {
        guard isIPv4 else {
            return setTTL(buffer, network: network, isIPv4: false, ttl(buffer, network: network, isIPv4: false) &- 1)
        }
        let field = network + IPv4View.Field.ttl
        // The TTL shares its 16-bit word with the protocol number.
        let old = buffer.u16(at: field)
        let new = old &- 0x0100
        buffer.setU16(new, at: field)
        var delta = ChecksumDelta()
        delta.replace(old, with: new)
        updateIPv4Checksum(buffer, network: network, delta)
    }

    /// Brings the IPv4 header checksum up to date after the header words in `delta` changed
    /// (RFC 1624 eqn. 3) instead of summing the header again. When the stored checksum was
    /// right, which `ParsedFrame` requires of every input, the result is the value
    /// `ip_send_check` computes: both are the complement of a sum in 1...0xFFFF with the same
    /// residue modulo 0xFFFF. The update's sum stays above zero through the complement of
    /// the stored checksum, except for a stored 0xFFFF (right when the other words sum to
    /// 0xFFFF) with all-ones words replaced by zeros; a stored 0xFFFF is summed again.
    static func updateIPv4Checksum(_ buffer: Buffer, network: Int, _ delta: ChecksumDelta) {
        let field = network + IPv4View.Field.headerChecksum
        let stored = buffer.u16(at: field)
        guard stored != 0xFFFF else { return refreshIPv4Checksum(buffer, network: network) }
        buffer.setU16(delta.apply(to: stored), at: field)
    }

    /// `ip_send_check`: recomputes the IPv4 header checksum from scratch.
    static func refreshIPv4Checksum(_ buffer: Buffer, network: Int) {
        let headerLength = Int(buffer[network] & 0x0F) * 4
        let header = Buffer(rebasing: buffer[network..<(network + headerLength)])
        InternetChecksum.fillIPv4Header(header)
    }

    static func source(_ buffer: Buffer, network: Int, isIPv4: Bool) -> IPAddress {
        let bytes = UnsafeRawBufferPointer(buffer)
        return isIPv4 ? .v4(IPv4Address(reading: bytes, at: network + IPv4View.Field.source))
            : .v6(IPv6Address(reading: bytes, at: network + IPv6View.Field.source))
    }

    static func destination(_ buffer: Buffer, network: Int, isIPv4: Bool) -> IPAddress {
        let bytes = UnsafeRawBufferPointer(buffer)
        return isIPv4 ? .v4(IPv4Address(reading: bytes, at: network + IPv4View.Field.destination))
            : .v6(IPv6Address(reading: bytes, at: network + IPv6View.Field.destination))
    }

    static func setSource(_ buffer: Buffer, network: Int, _ address: IPAddress) {
        write(address, into: buffer, at: network, v4Field: IPv4View.Field.source, v6Field: IPv6View.Field.source)
    }

    static func setDestination(_ buffer: Buffer, network: Int, _ address: IPAddress) {
        write(address, into: buffer, at: network, v4Field: IPv4View.Field.destination,
              v6Field: IPv6View.Field.destination)
    }

    private static func write(_ address: IPAddress, into buffer: Buffer, at network: Int, v4Field: Int, v6Field: Int) {
        switch address {
        case let .v4(a): a.write(into: buffer, at: network + v4Field)
        case let .v6(a): a.write(into: buffer, at: network + v6Field)
        }
    }

    /// Writes the IP length field for a packet of `ipLength` bytes.
    static func setIPLength(_ buffer: Buffer, network: Int, isIPv4: Bool, _ ipLength: Int) {
        if isIPv4 {
            buffer.setU16(UInt16(ipLength), at: network + IPv4View.Field.totalLength)
        } else {
            buffer.setU16(UInt16(ipLength - IPv6View.headerLength), at: network + IPv6View.Field.payloadLength)
        }
    }

    /// The pseudo-header sum (RFC 793 / RFC 8200 §8.1) for a transport segment.
    static func pseudoHeader(source: IPAddress, destination: IPAddress, proto: IPProtocol,
                             length: Int) -> InternetChecksum {
        switch (source, destination) {
        case let (.v4(s), .v4(d)): InternetChecksum.pseudoHeader(source: s, destination: d, protocol: proto, length: length)
        case let (.v6(s), .v6(d)): InternetChecksum.pseudoHeader(source: s, destination: d, protocol: proto, length: length)
        default: preconditionFailure("address families differ")
        }
    }

    /// Recomputes a TCP or UDP checksum over `segment` (UDP: a zero result is sent as
    /// 0xFFFF, `CSUM_MANGLED_0`).
    static func fillTransportChecksum(_ segment: Buffer, proto: IPProtocol, source: IPAddress,
                                      destination: IPAddress) {
        let field = proto == .tcp ? TCPView.Field.checksum : UDPView.Field.checksum
        segment.setU16(0, at: field)
        var sum = pseudoHeader(source: source, destination: destination, proto: proto, length: segment.count)
        sum.add(bytes: UnsafeRawBufferPointer(segment))
        var checksum = sum.finalize()
        if proto == .udp, checksum == 0 { checksum = 0xFFFF }
        segment.setU16(checksum, at: field)
    }
}

import LVSWire

extension PacketBuilder {
    /// The Ethernet frame.
    public var bytes: [UInt8] {
        let packet = ipPacket
        var frame = [UInt8](repeating: 0, count: EthernetView.headerLength)
        frame.withUnsafeMutableBytes { buffer in
            let type: EtherType = if case .ipv4 = network { .ipv4 } else { .ipv6 }
            EthernetHeader(destination: destinationMAC, source: sourceMAC, etherType: type).emit(into: buffer)
        }
        return frame + packet
    }

    /// The IP packet alone (for quoting in ICMP errors and tunnel expectations).
    public var ipPacket: [UInt8] {
        let segment = transportSegment
        switch network {
        case var .ipv4(header):
            header.payloadLength = segment.count
            var packet = [UInt8](repeating: 0, count: header.headerLength)
            packet.withUnsafeMutableBytes { header.emit(into: $0, computingChecksum: true) }
            return packet + segment
        case var .ipv6(header):
            header.payloadLength = UInt16(segment.count)
            var packet = [UInt8](repeating: 0, count: IPv6View.headerLength)
            packet.withUnsafeMutableBytes { header.emit(into: $0) }
            return packet + segment
        }
    }

    /// The transport header plus payload, checksum filled.
    var transportSegment: [UInt8] {
        var segment: [UInt8]
        switch transport {
        case let .tcp(header):
            segment = [UInt8](repeating: 0, count: header.headerLength) + payload
            segment.withUnsafeMutableBytes { header.emit(into: $0) }
        case var .udp(header):
            header.length = UInt16(UDPView.headerLength + payload.count)
            segment = [UInt8](repeating: 0, count: UDPView.headerLength) + payload
            segment.withUnsafeMutableBytes { header.emit(into: $0) }
        case let .icmpv4(header):
            segment = [UInt8](repeating: 0, count: ICMPv4View.headerLength) + payload
            segment.withUnsafeMutableBytes { header.emit(into: $0) }
        case let .icmpv6(header):
            segment = [UInt8](repeating: 0, count: ICMPv6View.headerLength) + payload
            segment.withUnsafeMutableBytes { header.emit(into: $0) }
        case .raw:
            return payload
        }
        segment.withUnsafeMutableBytes { fillChecksum($0) }
        return segment
    }

    private func fillChecksum(_ segment: UnsafeMutableRawBufferPointer) {
        switch (network, transport) {
        case let (.ipv4(ip), .tcp): InternetChecksum.fillTCP(segment, source: ip.source, destination: ip.destination)
        case let (.ipv6(ip), .tcp): InternetChecksum.fillTCP(segment, source: ip.source, destination: ip.destination)
        case let (.ipv4(ip), .udp):
            if udpChecksumZero { segment.setU16(0, at: UDPView.Field.checksum) } else {
                InternetChecksum.fillUDP(segment, source: ip.source, destination: ip.destination)
            }
        case let (.ipv6(ip), .udp): InternetChecksum.fillUDP(segment, source: ip.source, destination: ip.destination)
        case (_, .icmpv4): InternetChecksum.fillICMPv4(segment)
        case let (.ipv6(ip), .icmpv6):
            InternetChecksum.fillICMPv6(segment, source: ip.source, destination: ip.destination)
        default: break
        }
        guard let fixed = transportChecksum else { return }
        switch transport {
        case .tcp: segment.setU16(fixed, at: TCPView.Field.checksum)
        case .udp: segment.setU16(fixed, at: UDPView.Field.checksum)
        case .icmpv4, .icmpv6: segment.setU16(fixed, at: ICMPv4View.Field.checksum)
        case .raw: break
        }
    }
}

extension PacketBuilder {
    /// Edits the IPv4 header (TTL, ID, DF, TOS ...).
    public func ipv4(_ edit: (inout IPv4Header) -> Void) -> PacketBuilder {
        var copy = self
        if case var .ipv4(header) = network {
            edit(&header)
            copy.network = .ipv4(header)
        }
        return copy
    }

    public func ipv6(_ edit: (inout IPv6Header) -> Void) -> PacketBuilder {
        var copy = self
        if case var .ipv6(header) = network {
            edit(&header)
            copy.network = .ipv6(header)
        }
        return copy
    }

    public func tcp(_ edit: (inout TCPHeader) -> Void) -> PacketBuilder {
        var copy = self
        if case var .tcp(header) = transport {
            edit(&header)
            copy.transport = .tcp(header)
        }
        return copy
    }

    public func macs(destination: MACAddress, source: MACAddress) -> PacketBuilder {
        var copy = self
        copy.destinationMAC = destination
        copy.sourceMAC = source
        return copy
    }

    /// The same packet between other endpoints (ports kept when a side gives none).
    public func addressed(from source: String, to destination: String) -> PacketBuilder {
        var copy = self
        let (s, sp) = PacketBuilder.endpoint(source)
        let (d, dp) = PacketBuilder.endpoint(destination)
        switch (copy.network, s, d) {
        case let (.ipv4(header), .v4(sa), .v4(da)):
            var h = header
            h.source = sa
            h.destination = da
            copy.network = .ipv4(h)
        case let (.ipv6(header), .v6(sa), .v6(da)):
            var h = header
            h.source = sa
            h.destination = da
            copy.network = .ipv6(h)
        default:
            preconditionFailure("family change")
        }
        switch copy.transport {
        case var .tcp(header):
            header.sourcePort = sp
            header.destinationPort = dp
            copy.transport = .tcp(header)
        case var .udp(header):
            header.sourcePort = sp
            header.destinationPort = dp
            copy.transport = .udp(header)
        default: break
        }
        return copy
    }
}

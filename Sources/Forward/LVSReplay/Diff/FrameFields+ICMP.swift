import LVSDecode
import LVSWire

extension FrameFields {
    /// ICMP header fields and, for an error, the quoted packet's addresses, identification,
    /// TTL, header checksum, ports and transport checksum (IPVS leaves the quoted TCP/UDP
    /// checksum stale; conntrack fixes a quoted UDP one).
    mutating func addICMP(_ icmp: ICMPInfo, at offset: Int, bytes: UnsafeRawBufferPointer) {
        add("icmp.type", String(icmp.type))
        add("icmp.code", String(icmp.code))
        guard offset + 8 <= bytes.count else { return }
        add("icmp.checksum", Self.hex(bytes.u16(at: offset + 2)))
        if let mtu = icmp.mtu { add("icmp.mtu", String(mtu)) }
        guard icmp.isError, let quoted = icmp.quoted else { return }
        add("icmp.quoted.src", quoted.source.description)
        add("icmp.quoted.dst", quoted.destination.description)
        let start = offset + 8
        var transport: Int?
        if quoted.source.isIPv4, let ip = try? IPv4View(checking: bytes.suffix(from: start)) {
            add("icmp.quoted.id", Self.hex(ip.identification))
            add("icmp.quoted.ttl", String(ip.ttl))
            add("icmp.quoted.checksum", Self.hex(ip.headerChecksum))
            transport = ip.fragmentOffset == 0 ? start + ip.headerLength : nil
        } else if !quoted.source.isIPv4, let ip = try? IPv6View(checking: bytes.suffix(from: start)) {
            add("icmp.quoted.ttl", String(ip.hopLimit))
            transport = ip.nextHeader == quoted.protocolNumber ? start + IPv6View.headerLength : nil
        }
        if let sport = quoted.sourcePort { add("icmp.quoted.sport", String(sport)) }
        if let dport = quoted.destinationPort { add("icmp.quoted.dport", String(dport)) }
        guard let transport else { return }
        let field = quoted.protocolNumber == .tcp ? TCPView.Field.checksum
            : quoted.protocolNumber == .udp ? UDPView.Field.checksum : nil
        if let field, transport + field + 2 <= bytes.count {
            add("icmp.quoted.l4checksum", Self.hex(bytes.u16(at: transport + field)))
        }
    }
}

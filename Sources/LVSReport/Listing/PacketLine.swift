import LVSDecode
import LVSWire

/// One packet of `lvscope decode` in text, in the spirit of `tcpdump -n -e`:
/// `FRAME TIME SRC-MAC > DST-MAC [vlan N] PROTO SRC > DST: DETAILS`.
public enum PacketLine {
    public static func text(frame: Int, time: Timestamp, packet: DecodedPacket) -> String {
        var line = "\(frame) \(clock(time))"
        if let index = packet.link.interfaceIndex { line += " if\(index)" }
        if let type = packet.link.cookedPacketType { line += " \(cookedDirection(type))" }
        if let source = packet.link.source {
            line += " \(source)"
            if let destination = packet.link.destination { line += " > \(destination)" }
        }
        if let vlan = packet.link.outerVLAN { line += " vlan \(vlan)" }
        if let inner = packet.link.innerVLAN { line += " vlan \(inner)" }
        line += ", " + body(packet)
        switch packet.status {
        case .complete: break
        case let .truncated(layer): line += " [|\(layer.name)]"
        case let .malformed(error): line += " [malformed: \(error)]"
        }
        if packet.anomalies.rawValue != 0 { line += " {" + packet.anomalies.names.joined(separator: ",") + "}" }
        return line
    }

    /// The network part: ARP, IP (with the tunnel's inner packet), or the EtherType.
    static func body(_ packet: DecodedPacket) -> String {
        if let arp = packet.arp { return arpText(arp) }
        guard let ip = packet.ip else {
            if packet.layers.contains(.arp) { return "ARP (not Ethernet/IPv4)" }
            return packet.link.etherType.map { "ethertype \($0)" } ?? "length \(packet.capturedLength)"
        }
        var text = ""
        if let tunnel = packet.tunnel {
            text += "\(family(ip)) \(ip.source) > \(ip.destination): \(tunnel.kind.rawValue)"
            if let key = tunnel.greKey { text += " key \(key)" }
            text += ", "
        }
        let inner = packet.innerIP ?? ip
        return text + ipText(inner, packet: packet)
    }

    static func ipText(_ ip: IPInfo, packet: DecodedPacket) -> String {
        let head = "\(family(ip)) ttl \(ip.ttl)" + (ip.version == 4 ? " id \(ip.identification)" : "")
            + (ip.isFragment ? " frag \(ip.fragmentOffset)\(ip.moreFragments ? "+" : "")" : "")
        if let transport = packet.transport {
            let endpoints = "\(ip.source.withPort(transport.sourcePort)) > \(ip.destination.withPort(transport.destinationPort))"
            if let tcp = transport.tcp {
                return "\(head) \(endpoints): " + tcpText(tcp, payload: transport.payloadLength)
            }
            return "\(head) \(endpoints): UDP, length \(transport.payloadLength)"
        }
        if let icmp = packet.icmp { return "\(head) \(ip.source) > \(ip.destination): " + icmpText(icmp) }
        return "\(head) \(ip.source) > \(ip.destination): \(ip.protocolNumber), length \(ip.payloadLength)"
    }

    static func tcpText(_ tcp: TCPInfo, payload: Int) -> String {
        var text = "Flags [\(flagLetters(tcp.flags))], seq \(tcp.sequenceNumber)"
        if tcp.flags.contains(.ack) { text += ", ack \(tcp.acknowledgementNumber)" }
        text += ", win \(tcp.window)"
        var options: [String] = []
        if let mss = tcp.maximumSegmentSize { options.append("mss \(mss)") }
        if tcp.sackPermitted { options.append("sackOK") }
        if tcp.sackBlockCount > 0 { options.append("sack \(tcp.sackBlockCount)") }
        if let value = tcp.timestamp { options.append("TS val \(value) ecr \(tcp.timestampEcho ?? 0)") }
        if let scale = tcp.windowScale { options.append("wscale \(scale)") }
        if let toa = tcp.clientAddress { options.append("toa/\(toa.kind) \(toa.address.withPort(toa.port))") }
        if !options.isEmpty { text += ", options [" + options.joined(separator: ",") + "]" }
        return text + ", length \(payload)"
    }

    /// tcpdump's flag letters: S F P R U W E and `.` for ACK.
    public static func flagLetters(_ flags: TCPFlags) -> String {
        var letters = ""
        if flags.contains(.syn) { letters += "S" }
        if flags.contains(.fin) { letters += "F" }
        if flags.contains(.psh) { letters += "P" }
        if flags.contains(.rst) { letters += "R" }
        if flags.contains(.urg) { letters += "U" }
        if flags.contains(.ece) { letters += "E" }
        if flags.contains(.cwr) { letters += "W" }
        if flags.contains(.ack) { letters += "." }
        return letters.isEmpty ? "none" : letters
    }

    static func icmpText(_ icmp: ICMPInfo) -> String {
        var text = icmp.version == 4 ? "ICMP" : "ICMP6"
        text += " type \(icmp.type) code \(icmp.code)"
        if !icmp.isError, icmp.identifier != 0 || icmp.sequence != 0 {
            text += ", id \(icmp.identifier), seq \(icmp.sequence)"
        }
        if let mtu = icmp.mtu { text += ", mtu \(mtu)" }
        if let target = icmp.neighborTarget { text += ", target \(target)" }
        if let mac = icmp.neighborLinkAddress { text += ", lladdr \(mac)" }
        if let quoted = icmp.quoted {
            let source = quoted.sourcePort.map { quoted.source.withPort($0) } ?? quoted.source.description
            let destination = quoted.destinationPort.map { quoted.destination.withPort($0) } ?? quoted.destination.description
            text += ", quoting \(quoted.protocolNumber) \(source) > \(destination)"
        }
        return text
    }

    static func arpText(_ arp: ARPInfo) -> String {
        if arp.isRequest {
            return "ARP, Request who-has \(arp.targetIP) tell \(arp.senderIP)" + (arp.isGratuitous ? " (gratuitous)" : "")
        }
        if arp.isReply { return "ARP, Reply \(arp.senderIP) is-at \(arp.senderMAC)" }
        return "ARP, operation \(arp.operation) \(arp.senderIP) > \(arp.targetIP)"
    }

    static func family(_ ip: IPInfo) -> String { ip.version == 4 ? "IP" : "IP6" }

    static func cookedDirection(_ type: UInt8) -> String {
        switch type {
        case 0: "In"
        case 1: "B"
        case 2: "M"
        case 3: "P"
        case 4: "Out"
        default: "type\(type)"
        }
    }

    /// `HH:MM:SS.nnnnnnnnn` of the UTC day.
    static func clock(_ time: Timestamp) -> String {
        let full = time.description
        guard let t = full.firstIndex(of: "T") else { return full }
        return String(full[full.index(after: t)...].dropLast())
    }
}

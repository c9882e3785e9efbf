import LVSDecode
import LVSWire

/// A frame's header fields as named values, in a fixed order, for a field-by-field diff.
///
/// Names follow the brief's vocabulary: `eth.src`, `eth.dst`; `ip.src`, `ip.dst`,
/// `ip.ttl` (the hop limit for IPv6), `ip.id`, `ip.tos` (traffic class), `ip.flowlabel`,
/// `ip.df`, `ip.len` (total length), `ip.proto`, `ip.checksum`; for a tunnel packet the
/// outer header's fields are `outer.ip.*` and `ip.*` is the inner header; `tcp.sport`,
/// `tcp.dport`, `tcp.seq`, `tcp.ack`, `tcp.flags`, `tcp.window`, `tcp.hlen`, `tcp.urgent`,
/// `tcp.checksum`, `tcp.options` (the kinds in order), `tcp.options.mss`,
/// `tcp.options.wscale`, `tcp.options.sackok`, `tcp.options.sack`,
/// `tcp.options.timestamps`, `tcp.options.toa`; `udp.sport`, `udp.dport`, `udp.len`,
/// `udp.checksum`; `icmp.type`, `icmp.code`, `icmp.checksum`, `icmp.mtu` and the quoted
/// packet's `icmp.quoted.src`, `.dst`, `.id`, `.ttl`, `.checksum` (its IPv4 header),
/// `.sport`, `.dport`, `.l4checksum` (its TCP/UDP checksum, when quoted). A cooked
/// capture has no `eth.dst` (and `eth.src` only when it carries the sender's MAC).
struct FrameFields: Sendable {
    private(set) var names: [String] = []
    private(set) var values: [String] = []

    subscript(name: String) -> String? {
        names.firstIndex(of: name).map { values[$0] }
    }

    init() {}

    mutating func add(_ name: String, _ value: String) {
        names.append(name)
        values.append(value)
    }

    init(_ packet: DecodedPacket, bytes: UnsafeRawBufferPointer) {
        if let source = packet.link.source { add("eth.src", source.description) }
        if let destination = packet.link.destination { add("eth.dst", destination.description) }
        guard let outer = packet.ip else { return }
        if let tunnel = packet.tunnel {
            addIP(outer, prefix: "outer.ip", bytes: bytes)
            addIP(tunnel.inner, prefix: "ip", bytes: bytes)
        } else {
            addIP(outer, prefix: "ip", bytes: bytes)
        }
        if let transport = packet.transport {
            if let tcp = transport.tcp {
                addTCP(transport, tcp, bytes: bytes)
            } else if transport.protocolNumber == .udp {
                addUDP(transport, bytes: bytes)
            }
        } else if let icmp = packet.icmp, let inner = packet.innerIP {
            addICMP(icmp, at: inner.payloadOffset, bytes: bytes)
        }
    }

    private mutating func addIP(_ ip: IPInfo, prefix: String, bytes: UnsafeRawBufferPointer) {
        add("\(prefix).src", ip.source.description)
        add("\(prefix).dst", ip.destination.description)
        add("\(prefix).ttl", String(ip.ttl))
        if ip.version == 4 { add("\(prefix).id", Self.hex(UInt16(truncatingIfNeeded: ip.identification))) }
        add("\(prefix).tos", Self.hex(UInt16(ip.trafficClass), digits: 2))
        if ip.version == 6 { add("\(prefix).flowlabel", Self.hex(ip.flowLabel, digits: 5)) }
        if ip.version == 4 { add("\(prefix).df", ip.dontFragment ? "1" : "0") }
        add("\(prefix).len", String(ip.totalLength))
        add("\(prefix).proto", String(ip.protocolNumber.rawValue))
        if ip.version == 4, ip.offset + IPv4View.Field.headerChecksum + 2 <= bytes.count {
            add("\(prefix).checksum", Self.hex(bytes.u16(at: ip.offset + IPv4View.Field.headerChecksum)))
        }
    }

    private mutating func addUDP(_ udp: TransportInfo, bytes: UnsafeRawBufferPointer) {
        add("udp.sport", String(udp.sourcePort))
        add("udp.dport", String(udp.destinationPort))
        guard udp.offset + UDPView.headerLength <= bytes.count else { return }
        add("udp.len", String(bytes.u16(at: udp.offset + 4)))
        add("udp.checksum", Self.hex(bytes.u16(at: udp.offset + UDPView.Field.checksum)))
    }

    static func hex(_ value: some FixedWidthInteger, digits: Int = 4) -> String {
        let text = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

import LVSDecode
import LVSWire

/// The columns of `lvscope decode --format tsv` and the keys of `--format json` (one
/// object per line), in a stable documented order. Empty fields are `-` in TSV (as in
/// Zeek logs) and absent in JSON.
///
/// | column | meaning |
/// |---|---|
/// | frame | 1-based frame number, as tshark's `frame.number` |
/// | time | capture time, RFC 3339 UTC with nanoseconds |
/// | iface | pcapng interface or SLL2 interface index |
/// | caplen, len | captured and original length |
/// | src_mac, dst_mac | Ethernet addresses (SLL: the source only) |
/// | vlan | VLAN IDs, outer first, `/`-joined |
/// | ip | 4 or 6, of the innermost IP header |
/// | src, dst | innermost IP addresses |
/// | proto | innermost upper-layer protocol |
/// | ttl, ip_id | of the innermost IP header |
/// | sport, dport | TCP/UDP ports |
/// | flags, seq, ack, win | TCP |
/// | payload | transport payload bytes the headers declare |
/// | tunnel | `ipip|gre OUTER-SRC>OUTER-DST` when tunnelled |
/// | icmp | `TYPE/CODE` |
/// | status | `ok`, `truncated:LAYER` or `malformed:DETAIL` |
/// | anomalies | comma-separated anomaly names |
public enum PacketFields {
    public static let columns = [
        "frame", "time", "iface", "caplen", "len", "src_mac", "dst_mac", "vlan", "ip", "src", "dst", "proto",
        "ttl", "ip_id", "sport", "dport", "flags", "seq", "ack", "win", "payload", "tunnel", "icmp", "status",
        "anomalies",
    ]

    /// Values in `columns` order.
    public static func values(frame: Int, interface: Int, time: Timestamp, packet: DecodedPacket) -> [String?] {
        let ip = packet.innerIP
        let transport = packet.transport
        let tcp = transport?.tcp
        let vlans = [packet.link.outerVLAN, packet.link.innerVLAN].compactMap { $0.map(String.init) }
        return [
            String(frame), time.description, String(packet.link.interfaceIndex.map(Int.init) ?? interface),
            String(packet.capturedLength), String(packet.originalLength),
            packet.link.source?.description, packet.link.destination?.description,
            vlans.isEmpty ? nil : vlans.joined(separator: "/"),
            ip.map { String($0.version) }, ip?.source.description, ip?.destination.description,
            ip.map { $0.protocolNumber.description }, ip.map { String($0.ttl) },
            ip.flatMap { $0.version == 4 ? String($0.identification) : nil },
            transport.map { String($0.sourcePort) }, transport.map { String($0.destinationPort) },
            tcp.map { PacketLine.flagLetters($0.flags) }, tcp.map { String($0.sequenceNumber) },
            tcp.map { String($0.acknowledgementNumber) }, tcp.map { String($0.window) },
            transport.map { String($0.payloadLength) },
            packet.tunnel.flatMap { tunnel in packet.ip.map { "\(tunnel.kind.rawValue) \($0.source)>\($0.destination)" } },
            packet.icmp.map { "\($0.type)/\($0.code)" }, status(packet.status),
            packet.anomalies.rawValue == 0 ? nil : packet.anomalies.names.joined(separator: ","),
        ]
    }

    public static func tsvHeader() -> String { "#" + columns.joined(separator: "\t") }

    public static func tsv(frame: Int, interface: Int, time: Timestamp, packet: DecodedPacket) -> String {
        values(frame: frame, interface: interface, time: time, packet: packet)
            .map { $0.map(tsvEscape) ?? "-" }.joined(separator: "\t")
    }

    public static func json(frame: Int, interface: Int, time: Timestamp, packet: DecodedPacket) -> String {
        let values = values(frame: frame, interface: interface, time: time, packet: packet)
        var members: [(String, JSONValue)] = []
        for (column, value) in zip(columns, values) {
            guard let value else { continue }
            let numeric = ["frame", "iface", "caplen", "len", "ip", "ttl", "ip_id", "sport", "dport", "seq", "ack",
                           "win", "payload"].contains(column)
            members.append((column, numeric ? Int(value).map(JSONValue.int) ?? .string(value) : .string(value)))
        }
        members.append(("layers", .array(packet.layers.layers.map { .string($0.name) })))
        return JSONValue.object(members).rendered()
    }

    static func status(_ status: DecodeStatus) -> String {
        switch status {
        case .complete: "ok"
        case let .truncated(layer): "truncated:\(layer.name)"
        case let .malformed(error): "malformed:\(error)"
        }
    }

    static func tsvEscape(_ text: String) -> String {
        text.contains(where: { $0 == "\t" || $0 == "\n" })
            ? text.replacing("\t", with: "\\t").replacing("\n", with: "\\n") : text
    }
}

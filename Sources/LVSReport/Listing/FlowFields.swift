import LVSFlows
import LVSWire

/// The columns of `lvscope flows --format tsv` (a Zeek conn.log-like log) and the keys of
/// `--format json` (one object per line), in this documented order. Unset fields are `-`
/// in TSV and absent in JSON.
///
/// | column | meaning |
/// |---|---|
/// | ts | first packet, seconds since the epoch with nanoseconds |
/// | uid | reproducible flow id: `C` + base32(FNV-1a 64 of point, key, first time) |
/// | point | capture point, or `NAME/IFACE` sub-point |
/// | orig_h, orig_p, resp_h, resp_p | originator and responder (ICMP: type, counterpart type or code) |
/// | proto | tcp, udp, icmp, icmpv6, ... |
/// | conn_state | Zeek's code: S0 S1 SF REJ S2 S3 RSTO RSTR RSTOS0 RSTRH SH SHR OTH |
/// | history | Zeek's letters: s h a d f r c g t w, upper case for the originator, `^` flipped |
/// | duration | last − first packet, seconds |
/// | orig_pkts, orig_bytes, orig_ip_bytes | originator's packets, payload bytes (no retransmissions), IP bytes |
/// | resp_pkts, resp_bytes, resp_ip_bytes | the same for the responder |
/// | orig_mac, resp_mac | source MAC of each side's first packet |
/// | vlan | VLAN IDs, outer first, `/`-joined |
/// | retrans | retransmitted segments, both directions |
/// | fwd_copies | packets seen again on another link leg (forwarded by the capturing host or a DR director) |
/// | mss | MSS of the SYN and of the SYN-ACK, `orig/resp` |
/// | toa | TOA option `kind:address:port@placements` (syn, ack, other), or `malformed` |
/// | community_id | Community ID v1, seed 0 |
/// | connection | the stitched LVS connection this flow is a leg of |
/// | rewrites | fields the director rewrote on this flow's leg(s) relative to the leg before |
public enum FlowFields {
    public static let columns = [
        "ts", "uid", "point", "orig_h", "orig_p", "resp_h", "resp_p", "proto", "conn_state", "history", "duration",
        "orig_pkts", "orig_bytes", "orig_ip_bytes", "resp_pkts", "resp_bytes", "resp_ip_bytes", "orig_mac",
        "resp_mac", "vlan", "retrans", "fwd_copies", "mss", "toa", "community_id", "connection", "rewrites",
    ]

    /// Zeek-style types of the columns, for the `#types` header line.
    public static let types = [
        "time", "string", "string", "addr", "port", "addr", "port", "enum", "string", "string", "interval", "count",
        "count", "count", "count", "count", "count", "string", "string", "string", "count", "count", "string",
        "string", "string", "string", "set[string]",
    ]

    static let numeric: Set<String> = [
        "orig_p", "resp_p", "orig_pkts", "orig_bytes", "orig_ip_bytes", "resp_pkts", "resp_bytes", "resp_ip_bytes",
        "retrans", "fwd_copies",
    ]

    /// Values in `columns` order.
    public static func values(_ r: FlowRecord, connection: String?, rewrites: Rewrite?) -> [String?] {
        let vlans = [r.outerVLAN, r.innerVLAN].compactMap { $0.map(String.init) }
        let respMAC = r.resp.mac ?? r.primaryLeg(.orig)?.destination
        return [
            seconds(r.firstTime.rawValue), r.uid.description, r.point.description, r.origAddress.description,
            String(r.origPort), r.respAddress.description, String(r.respPort), r.protocolNumber.description,
            r.state.rawValue, r.history.isEmpty ? nil : r.history, seconds(r.duration.rawValue),
            String(r.orig.packets), String(r.orig.payloadBytes), String(r.orig.ipBytes), String(r.resp.packets),
            String(r.resp.payloadBytes), String(r.resp.ipBytes), r.orig.mac?.description, respMAC?.description,
            vlans.isEmpty ? nil : vlans.joined(separator: "/"),
            String(r.orig.retransmissions + r.resp.retransmissions), String(r.forwardedCopies), mss(r), toa(r.toa),
            r.communityID, connection, rewrites.flatMap { $0.isEmpty ? nil : $0.fieldNames.joined(separator: ",") },
        ]
    }

    /// `SECONDS.NANOSECONDS`, as Zeek writes times (with nine digits).
    public static func seconds(_ nanoseconds: Int64) -> String {
        let magnitude = nanoseconds.magnitude
        let fraction = String(magnitude % 1_000_000_000)
        return (nanoseconds < 0 ? "-" : "") + String(magnitude / 1_000_000_000) + "."
            + String(repeating: "0", count: 9 - fraction.count) + fraction
    }

    static func mss(_ r: FlowRecord) -> String? {
        guard r.orig.mss != nil || r.resp.mss != nil else { return nil }
        return (r.orig.mss.map(String.init) ?? "-") + "/" + (r.resp.mss.map(String.init) ?? "-")
    }

    static func toa(_ toa: TOAObservation?) -> String? {
        guard let toa else { return nil }
        guard let option = toa.option else { return "malformed" }
        return "\(option.kind):\(option.address.withPort(option.port))@\(toa.placements)"
            + (toa.malformed > 0 ? "+malformed" : "")
    }

    public static func tsvHeader() -> [String] {
        ["#separator \\x09", "#set_separator\t,", "#empty_field\t(empty)", "#unset_field\t-", "#path\tflows",
         "#fields\t" + columns.joined(separator: "\t"), "#types\t" + types.joined(separator: "\t")]
    }

    public static func tsv(_ values: [String?]) -> String {
        values.map { $0.map(PacketFields.tsvEscape) ?? "-" }.joined(separator: "\t")
    }

    public static func json(_ values: [String?]) -> String {
        var members: [(String, JSONValue)] = []
        for (column, value) in zip(columns, values) {
            guard let value else { continue }
            members.append((column, numeric.contains(column) ? Int(value).map(JSONValue.int) ?? .string(value)
                : .string(value)))
        }
        return JSONValue.object(members).rendered()
    }
}

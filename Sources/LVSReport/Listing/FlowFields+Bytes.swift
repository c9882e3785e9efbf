import LVSFlows
import LVSWire

/// The TSV line of a flow written straight into the output buffer: the same text as
/// `tsv(values(...))` (a test holds them equal), without a String per field, so that a
/// capture with millions of flows prints at the speed it is read.
extension FlowFields {
    public static func appendTSV(_ r: FlowRecord, connection: String?, rewrites: Rewrite?, to out: inout [UInt8]) {
        var line = LineBytes(out: out)
        out = []
        appendIdentity(r, &line)
        appendCounts(r, &line)
        line.tab()
        line.mac(r.orig.mac)
        line.tab()
        line.mac(r.resp.mac ?? r.primaryLeg(.orig)?.destination)
        line.tab()
        appendVLANs(r, &line)
        line.tab()
        line.decimal(r.orig.retransmissions + r.resp.retransmissions)
        line.tab()
        line.decimal(r.forwardedCopies)
        line.tab()
        line.text(mss(r))
        line.tab()
        line.text(toa(r).map(PacketFields.tsvEscape))
        line.tab()
        line.text(r.communityID)
        line.tab()
        line.text(connection)
        line.tab()
        line.text(rewrites.flatMap { $0.isEmpty ? nil : $0.fieldNames.joined(separator: ",") })
        out = line.out
    }

    /// ts uid point orig_h orig_p resp_h resp_p proto conn_state history duration.
    private static func appendIdentity(_ r: FlowRecord, _ line: inout LineBytes) {
        line.seconds(r.firstTime.rawValue)
        line.tab()
        line.text(r.uid.description)
        line.tab()
        line.text(r.point.description)
        line.tab()
        line.address(r.origAddress)
        line.tab()
        line.decimal(Int(r.origPort))
        line.tab()
        line.address(r.respAddress)
        line.tab()
        line.decimal(Int(r.respPort))
        line.tab()
        line.text(r.protocolNumber.description)
        line.tab()
        line.text(r.state.rawValue)
        line.tab()
        line.text(r.history.isEmpty ? nil : r.history)
        line.tab()
        line.seconds(r.duration.rawValue)
    }

    private static func appendCounts(_ r: FlowRecord, _ line: inout LineBytes) {
        for side in [r.orig, r.resp] {
            line.tab()
            line.decimal(side.packets)
            line.tab()
            line.decimal(side.payloadBytes)
            line.tab()
            line.decimal(side.ipBytes)
        }
    }

    private static func appendVLANs(_ r: FlowRecord, _ line: inout LineBytes) {
        guard let outer = r.outerVLAN else {
            if let inner = r.innerVLAN { line.decimal(Int(inner)) } else { line.text(nil) }
            return
        }
        line.decimal(Int(outer))
        if let inner = r.innerVLAN {
            line.out.append(UInt8(ascii: "/"))
            line.decimal(Int(inner))
        }
    }
}

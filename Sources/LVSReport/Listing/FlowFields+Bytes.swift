import LVSCapture
import LVSFlows
import LVSWire

/// The TSV line of a flow written straight into the output buffer: the same text as
/// `tsv(values(...))` (a test holds them equal), without a String per field, so that a
/// capture with millions of flows prints at the speed it is read.
///
/// The record is read in place through a pointer: passed by value, it would be copied
/// (and its references retained) for every line, because the compiler cannot tell that
/// the line's pointer writes leave it alone.
extension FlowFields {
    static func appendTSV(_ r: UnsafePointer<FlowRecord>, connection: String?, rewrites: Rewrite?,
                          to line: inout LineBytes) {
        appendIdentity(r, &line)
        appendCounts(r, &line)
        line.tab()
        line.mac(r.pointee.orig.mac)
        line.tab()
        line.mac(r.pointee.resp.mac ?? r.pointee.primaryLeg(.orig)?.destination)
        line.tab()
        appendVLANs(r, &line)
        line.tab()
        line.decimal(r.pointee.orig.retransmissions + r.pointee.resp.retransmissions)
        line.tab()
        line.decimal(r.pointee.forwardedCopies)
        line.tab()
        appendMSS(r, &line)
        line.tab()
        line.text(toa(r.pointee.toa).map(PacketFields.tsvEscape))
        line.tab()
        // The tuple of `FlowRecord.communityID`, read field by field.
        line.write(upTo: CommunityID.v1Length) {
            CommunityID.writeV1(source: r.pointee.origAddress, destination: r.pointee.respAddress,
                                proto: r.pointee.protocolNumber, sourcePort: r.pointee.origPort,
                                destinationPort: r.pointee.respPort, into: $0)
        }
        line.tab()
        line.text(connection)
        line.tab()
        appendRewrites(rewrites, &line)
    }

    /// ts uid point orig_h orig_p resp_h resp_p proto conn_state history duration.
    private static func appendIdentity(_ r: UnsafePointer<FlowRecord>, _ line: inout LineBytes) {
        line.seconds(r.pointee.firstTime.rawValue)
        line.tab()
        line.write(upTo: FlowUID.textLength) { r.pointee.uid.write(into: $0) }
        line.tab()
        appendPoint(r.pointee.point, &line)
        line.tab()
        line.address(r.pointee.origAddress)
        line.tab()
        line.decimal(Int(r.pointee.origPort))
        line.tab()
        line.address(r.pointee.respAddress)
        line.tab()
        line.decimal(Int(r.pointee.respPort))
        line.tab()
        line.append(r.pointee.protocolNumber.description)
        line.tab()
        line.append(r.pointee.state.rawValue)
        line.tab()
        line.text(r.pointee.history.isEmpty ? nil : r.pointee.history)
        line.tab()
        line.seconds(r.pointee.lastTime.rawValue - r.pointee.firstTime.rawValue) // duration
    }

    /// `NAME` or `NAME/IFACE`; a name holding a tab or a newline (from the command line or
    /// a pcapng interface) is written again escaped, like every TSV text field.
    private static func appendPoint(_ point: CapturePointName, _ line: inout LineBytes) {
        let mark = line.count
        line.append(point.point)
        if let interface = point.interface {
            line.byte(UInt8(ascii: "/"))
            line.append(interface)
        }
        guard line.holdsTabOrNewline(since: mark) else { return }
        line.rewind(to: mark)
        line.append(PacketFields.tsvEscape(point.description))
    }

    private static func appendCounts(_ r: UnsafePointer<FlowRecord>, _ line: inout LineBytes) {
        appendCounts(r.pointee.orig, &line)
        appendCounts(r.pointee.resp, &line)
    }

    private static func appendCounts(_ side: FlowDirectionStats, _ line: inout LineBytes) {
        line.tab()
        line.decimal(side.packets)
        line.tab()
        line.decimal(side.payloadBytes)
        line.tab()
        line.decimal(side.ipBytes)
    }

    private static func appendVLANs(_ r: UnsafePointer<FlowRecord>, _ line: inout LineBytes) {
        guard let outer = r.pointee.outerVLAN else {
            if let inner = r.pointee.innerVLAN { line.decimal(Int(inner)) } else { line.unset() }
            return
        }
        line.decimal(Int(outer))
        if let inner = r.pointee.innerVLAN {
            line.byte(UInt8(ascii: "/"))
            line.decimal(Int(inner))
        }
    }

    /// `orig/resp`, as `mss(_:)`.
    private static func appendMSS(_ r: UnsafePointer<FlowRecord>, _ line: inout LineBytes) {
        guard r.pointee.orig.mss != nil || r.pointee.resp.mss != nil else { return line.unset() }
        if let mss = r.pointee.orig.mss { line.decimal(Int(mss)) } else { line.unset() }
        line.byte(UInt8(ascii: "/"))
        if let mss = r.pointee.resp.mss { line.decimal(Int(mss)) } else { line.unset() }
    }

    /// The rewritten fields' names in `Rewrite.names` order, `,`-joined, as `fieldNames`.
    private static func appendRewrites(_ rewrites: Rewrite?, _ line: inout LineBytes) {
        guard let rewrites, !rewrites.isEmpty else { return line.unset() }
        var first = true
        for (flag, name) in Rewrite.names where rewrites.contains(flag) {
            if !first { line.byte(UInt8(ascii: ",")) }
            first = false
            line.append(name)
        }
    }
}

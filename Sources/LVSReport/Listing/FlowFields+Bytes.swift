import LVSFlows
import LVSWire

/// The TSV line of a flow written straight into the output buffer: the same text as
/// `tsv(values(...))` (a test holds them equal), without a String per field, so that a
/// capture with millions of flows prints at the speed it is read.
extension FlowFields {
    public static func appendTSV(_ r: FlowRecord, connection: String?, rewrites: Rewrite?, to out: inout [UInt8]) {
        var line = LineBytes(out: out)
        out = []
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

/// Byte-level formatting of TSV fields; `-` for an unset field.
struct LineBytes {
    var out: [UInt8]
    private static let hex = Array("0123456789abcdef".utf8)

    mutating func tab() { out.append(9) }

    mutating func text(_ value: String?) {
        guard let value else {
            out.append(UInt8(ascii: "-"))
            return
        }
        out.append(contentsOf: value.utf8)
    }

    mutating func decimal(_ value: Int) {
        if value < 0 {
            out.append(UInt8(ascii: "-"))
            decimal(UInt64(value.magnitude))
        } else {
            decimal(UInt64(value))
        }
    }

    mutating func decimal(_ value: UInt64) {
        var divisor: UInt64 = 1
        while value / divisor >= 10 { divisor *= 10 }
        digits(value, divisor: divisor)
    }

    /// The digits of `value` from `divisor`'s place down (leading zeros included).
    private mutating func digits(_ value: UInt64, divisor: UInt64) {
        var divisor = divisor
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// `SECONDS.NNNNNNNNN`, as `FlowFields.seconds`.
    mutating func seconds(_ nanoseconds: Int64) {
        if nanoseconds < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = nanoseconds.magnitude
        decimal(magnitude / 1_000_000_000)
        out.append(UInt8(ascii: "."))
        digits(magnitude % 1_000_000_000, divisor: 100_000_000)
    }

    mutating func address(_ address: IPAddress) {
        guard case let .v4(v4) = address else {
            out.append(contentsOf: address.description.utf8)
            return
        }
        let value = v4.rawValue
        for shift in stride(from: 24, through: 0, by: -8) {
            decimal(UInt64(value >> UInt32(shift) & 0xFF))
            if shift > 0 { out.append(UInt8(ascii: ".")) }
        }
    }

    mutating func mac(_ mac: MACAddress?) {
        guard let mac else {
            out.append(UInt8(ascii: "-"))
            return
        }
        for shift in stride(from: 40, through: 0, by: -8) {
            let byte = Int(mac.rawValue >> UInt64(shift) & 0xFF)
            out.append(LineBytes.hex[byte >> 4])
            out.append(LineBytes.hex[byte & 15])
            if shift > 0 { out.append(UInt8(ascii: ":")) }
        }
    }
}

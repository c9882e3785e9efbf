import LVSWire

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

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
        append(value)
    }

    /// A string's UTF-8 bytes, copied at once when the string is stored contiguously
    /// (the generic sequence path costs more than the copy).
    mutating func append(_ value: String) {
        if value.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) == nil {
            out.append(contentsOf: value.utf8)
        }
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
        digits(value, count: 0)
    }

    /// The digits of `value`, at least `count` of them (leading zeros). Written from the
    /// right into a stack buffer: every division is by the constant 10, which compiles to
    /// a multiplication.
    private mutating func digits(_ value: UInt64, count: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var rest = value
            var index = buffer.count
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0 || buffer.count - index < count
            // Byte by byte: a handful of digits, and `append(contentsOf:)` costs more to set up.
            for i in index..<buffer.count { out.append(buffer[i]) }
        }
    }

    /// `SECONDS.NNNNNNNNN`, as `FlowFields.seconds`.
    mutating func seconds(_ nanoseconds: Int64) {
        if nanoseconds < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = nanoseconds.magnitude
        decimal(magnitude / 1_000_000_000)
        out.append(UInt8(ascii: "."))
        digits(magnitude % 1_000_000_000, count: 9)
    }

    mutating func address(_ address: IPAddress) {
        guard case let .v4(v4) = address else {
            append(address.description)
            return
        }
        let value = v4.rawValue
        for shift in stride(from: 24, through: 0, by: -8) {
            octet(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
            if shift > 0 { out.append(UInt8(ascii: ".")) }
        }
    }

    /// One to three digits, without the general number path (two of them per flow line).
    private mutating func octet(_ value: UInt8) {
        let zero = UInt8(ascii: "0")
        if value >= 100 { out.append(zero + value / 100) }
        if value >= 10 { out.append(zero + value / 10 % 10) }
        out.append(zero + value % 10)
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

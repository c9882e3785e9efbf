/// The unit of an interface's timestamps: pcapng `if_tsresol` (option 9).
///
/// The option byte's top bit selects a power of two, otherwise a power of ten; the low
/// seven bits are the negative exponent (draft-ietf-opsawg-pcapng §4.2). Without the
/// option the unit is 10⁻⁶ s. pcap files use 10⁻⁶ s or 10⁻⁹ s by magic number.
public enum TimestampResolution: Hashable, Sendable, CustomStringConvertible {
    /// 10^-exponent seconds per tick.
    case decimal(exponent: Int)
    /// 2^-exponent seconds per tick.
    case binary(exponent: Int)

    public static let microseconds = TimestampResolution.decimal(exponent: 6)
    public static let nanoseconds = TimestampResolution.decimal(exponent: 9)

    /// Decodes an `if_tsresol` byte; nil when the unit does not fit 64-bit tick
    /// arithmetic (10^-20 s and finer, 2^-64 s and finer).
    public init?(optionByte: UInt8) {
        let exponent = Int(optionByte & 0x7F)
        if optionByte & 0x80 != 0 {
            guard exponent <= 63 else { return nil }
            self = .binary(exponent: exponent)
        } else {
            guard exponent <= 19 else { return nil }
            self = .decimal(exponent: exponent)
        }
    }

    public var description: String {
        switch self {
        case let .decimal(exponent): "10^-\(exponent) s"
        case let .binary(exponent): "2^-\(exponent) s"
        }
    }

    /// Splits a tick count into whole seconds and nanoseconds, exactly for every unit
    /// down to 1 ns and truncating finer ones (libpcap truncates too).
    public func split(ticks: UInt64) -> (seconds: UInt64, nanoseconds: UInt64) {
        switch self {
        case let .decimal(exponent):
            let perSecond = TimestampResolution.powerOfTen(exponent)
            let fraction = ticks % perSecond
            let nanoseconds = exponent <= 9
                ? fraction * TimestampResolution.powerOfTen(9 - exponent)
                : fraction / TimestampResolution.powerOfTen(exponent - 9)
            return (ticks / perSecond, nanoseconds)
        case let .binary(exponent):
            guard exponent > 0 else { return (ticks, 0) }
            let fraction = ticks & ((1 << UInt64(exponent)) &- 1)
            // fraction · 10⁹ / 2^e in 128-bit integer arithmetic: fraction < 2^e, so the
            // product fits 94 bits and the shift leaves fewer than 30.
            let product = fraction.multipliedFullWidth(by: 1_000_000_000)
            let nanoseconds = (product.high << UInt64(64 - exponent)) | (product.low >> UInt64(exponent))
            return (ticks >> UInt64(exponent), nanoseconds)
        }
    }

    private static func powerOfTen(_ exponent: Int) -> UInt64 {
        var value: UInt64 = 1
        for _ in 0..<exponent { value &*= 10 }
        return value
    }
}

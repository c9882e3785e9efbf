import LVSCapture
import Testing

/// `if_tsresol` decoding and exact tick conversion (draft-ietf-opsawg-pcapng §4.2).
@Suite struct TimestampResolutionTests {
    @Test("option byte: top bit selects a power of 2, the rest is the exponent")
    func optionByte() {
        #expect(TimestampResolution(optionByte: 6) == .microseconds)
        #expect(TimestampResolution(optionByte: 9) == .nanoseconds)
        #expect(TimestampResolution(optionByte: 19) == .decimal(exponent: 19))
        #expect(TimestampResolution(optionByte: 20) == nil) // 10^20 ticks/s overflows 64 bits
        #expect(TimestampResolution(optionByte: 0x80 | 63) == .binary(exponent: 63))
        #expect(TimestampResolution(optionByte: 0x80 | 64) == nil)
    }

    @Test("ticks split into seconds and nanoseconds exactly", arguments: [
        // (resolution, ticks, seconds, nanoseconds), worked out by hand.
        (TimestampResolution.microseconds, UInt64(1_700_000_000_654_321), UInt64(1_700_000_000), UInt64(654_321_000)),
        (.nanoseconds, 1_700_000_000_123_456_789, 1_700_000_000, 123_456_789),
        (.decimal(exponent: 0), 42, 42, 0),
        // 10^-12 s: 1.000000000999 s → 999 ps truncate to 0 ns beyond the 1 ns digit.
        (.decimal(exponent: 12), 1_000_000_000_999, 1, 0),
        (.decimal(exponent: 12), 1_000_123_456_789, 1, 123_456),
        // 10^-19 s: the largest decimal unit; 1.5 s.
        (.decimal(exponent: 19), 15_000_000_000_000_000_000, 1, 500_000_000),
        (.binary(exponent: 0), 7, 7, 0),
        // 2^-1 s: 3 ticks = 1.5 s.
        (.binary(exponent: 1), 3, 1, 500_000_000),
        // 2^-32 s: 2^31 ticks = 0.5 s; 1 tick = 0.232830643… ns → 0.
        (.binary(exponent: 32), (5 << 32) | (1 << 31), 5, 500_000_000),
        (.binary(exponent: 32), 1, 0, 0),
        // 2^-63 s: all-ones fraction below 1 s: (2^63 − 1) · 10^9 / 2^63 = 999999999.99… → 999999999.
        (.binary(exponent: 63), UInt64.max, 1, 999_999_999),
    ])
    func split(resolution: TimestampResolution, ticks: UInt64, seconds: UInt64, nanoseconds: UInt64) {
        let result = resolution.split(ticks: ticks)
        #expect(result.seconds == seconds && result.nanoseconds == nanoseconds)
    }
}

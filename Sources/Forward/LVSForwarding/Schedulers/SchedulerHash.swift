import LVSConfig
import LVSWire

/// The small hash functions the hashing schedulers share.
enum SchedulerHash {
    /// `addr_fold`: an IPv4 address in host order, or the XOR of an IPv6 address's four
    /// 32-bit words (the kernel XORs the network-order words, then converts; the same value).
    static func fold(_ address: IPAddress) -> UInt32 {
        switch address {
        case let .v4(a):
            return a.rawValue
        case let .v6(a):
            let halves = a.high ^ a.low
            return UInt32(truncatingIfNeeded: halves >> 32) ^ UInt32(truncatingIfNeeded: halves)
        }
    }

    /// Knuth's multiplicative constant, `2654435761UL` in ip_vs_sh.c, ip_vs_dh.c, ip_vs_lblc.c.
    static let knuth: UInt32 = 2_654_435_761
    /// `GOLDEN_RATIO_32` of include/linux/hash.h.
    static let goldenRatio32: UInt32 = 0x61C8_8647

    /// `hash_32(value, bits)`: the top `bits` bits of the golden-ratio product.
    static func hash32(_ value: UInt32, bits: Int) -> UInt32 {
        (value &* goldenRatio32) >> UInt32(32 - bits)
    }

    /// A 256-bucket index (`IP_VS_SH_TAB_BITS` / `IP_VS_DH_TAB_BITS` = 8) of `key`, plus
    /// `offset`, in the profile's variant.
    static func bucket(_ key: UInt32, offset: UInt32, variant: SourceHashVariant) -> Int {
        switch variant {
        case .multiplicativeLowBits:
            // The kernel multiplies in `unsigned long`; the low 8 bits are the same in 32 bits.
            return Int((offset &+ key &* knuth) & 0xFF)
        case .hash32HighBits:
            return Int((offset &+ hash32(key, bits: 8)) & 0xFF)
        }
    }
}

/// Incremental checksum update (RFC 1624 eqn. 3): after a 16-bit field changes from
/// `m` to `m'`, the new checksum is `HC' = ~(~HC + ~m + m')`.
///
/// Equation 3 (not RFC 1141's eqn. 2) is used because it never produces 0xFFFF where a
/// full recomputation gives 0x0000 (RFC 1624 §3 and §5). Fields wider than 16 bits are
/// applied as several 16-bit edits. The result equals a full recomputation for any data
/// that does not sum to zero; UDP's "0 means no checksum" rule is the caller's (see
/// `adjustUDP`).
extension InternetChecksum {
    @inlinable
    public static func adjust(_ checksum: UInt16, old: UInt16, new: UInt16) -> UInt16 {
        ~fold(UInt64(~checksum) &+ UInt64(~old) &+ UInt64(new))
    }

    @inlinable
    public static func adjust(_ checksum: UInt16, old: UInt32, new: UInt32) -> UInt16 {
        ~fold(UInt64(~checksum) &+ wordSum(of: UInt64(~old) & 0xFFFF_FFFF) &+ wordSum(of: UInt64(new)))
    }

    @inlinable
    public static func adjust(_ checksum: UInt16, old: IPv4Address, new: IPv4Address) -> UInt16 {
        adjust(checksum, old: old.rawValue, new: new.rawValue)
    }

    @inlinable
    public static func adjust(_ checksum: UInt16, old: IPv6Address, new: IPv6Address) -> UInt16 {
        // The complement of each old word is the matching 16 bits of the complemented half.
        let removed = wordSum(of: ~old.high) &+ wordSum(of: ~old.low)
        let added = wordSum(of: new.high) &+ wordSum(of: new.low)
        return ~fold(UInt64(~checksum) &+ removed &+ added)
    }

    /// RFC 768: a UDP checksum of zero means "not computed" and stays zero; a computed
    /// zero is sent as 0xFFFF.
    @inlinable
    public static func adjustUDP(_ checksum: UInt16, old: UInt16, new: UInt16) -> UInt16 {
        udpResult(checksum, adjust(checksum, old: old, new: new))
    }

    @inlinable
    public static func adjustUDP(_ checksum: UInt16, old: UInt32, new: UInt32) -> UInt16 {
        udpResult(checksum, adjust(checksum, old: old, new: new))
    }

    @inlinable
    public static func adjustUDP(_ checksum: UInt16, old: IPv4Address, new: IPv4Address) -> UInt16 {
        udpResult(checksum, adjust(checksum, old: old, new: new))
    }

    @inlinable
    public static func adjustUDP(_ checksum: UInt16, old: IPv6Address, new: IPv6Address) -> UInt16 {
        udpResult(checksum, adjust(checksum, old: old, new: new))
    }

    @inlinable
    static func udpResult(_ original: UInt16, _ adjusted: UInt16) -> UInt16 {
        original == 0 ? 0 : adjusted == 0 ? 0xFFFF : adjusted
    }

    /// The sum of the four 16-bit words of `value` (without folding).
    @inlinable
    static func wordSum(of value: UInt64) -> UInt64 {
        (value >> 48) &+ (value >> 32 & 0xFFFF) &+ (value >> 16 & 0xFFFF) &+ (value & 0xFFFF)
    }
}

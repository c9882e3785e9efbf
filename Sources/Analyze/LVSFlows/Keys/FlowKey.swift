import LVSWire

/// The identity of a flow at one capture sub-point: VLAN tags, both endpoints (address and
/// port; for ICMP the echo identifier, or the type and its counterpart), the protocol.
///
/// Endpoints are kept in canonical order, the lower `address:port` first (the order the
/// Community ID spec uses), so both directions of a conversation make the same key; the
/// `sourceIsA` flag returned with a packet's key says which endpoint sent it. The value is
/// fixed-size and trivially copyable (no String, no Array: STYLE.md §9.9): IPv4 addresses
/// sit in the low word with the v6 bit of `kind` clear.
struct FlowKey: Equatable {
    var highA: UInt64
    var lowA: UInt64
    var highB: UInt64
    var lowB: UInt64
    var portA: UInt16
    var portB: UInt16
    var proto: UInt8
    var kind: UInt8
    var subPoint: UInt16
    /// Outer VLAN + 1 in bits 0–12, inner VLAN + 1 in bits 13–25 (0: untagged).
    var vlans: UInt32

    /// `kind` bit: the addresses are IPv6.
    static let ipv6Bit: UInt8 = 1
    /// `kind` bit: an ICMP echo conversation, both ports hold the echo identifier.
    static let echoBit: UInt8 = 2

    var isIPv6: Bool { kind & FlowKey.ipv6Bit != 0 }
    var isEcho: Bool { kind & FlowKey.echoBit != 0 }

    /// The key of a packet from `source:sourcePort` to `destination:destinationPort`, and
    /// whether the source is endpoint A. Mixed families cannot happen on one IP header.
    static func make(source: IPAddress, sourcePort: UInt16, destination: IPAddress, destinationPort: UInt16,
                     proto: UInt8, echo: Bool, subPoint: UInt16, vlans: UInt32) -> (key: FlowKey, sourceIsA: Bool) {
        let s = AddressWords(source)
        let d = AddressWords(destination)
        let sourceFirst = (s.high, s.low, sourcePort) <= (d.high, d.low, destinationPort)
        let a = sourceFirst ? s : d
        let b = sourceFirst ? d : s
        var kind: UInt8 = s.isIPv6 ? FlowKey.ipv6Bit : 0
        if echo { kind |= FlowKey.echoBit }
        let key = FlowKey(highA: a.high, lowA: a.low, highB: b.high, lowB: b.low,
                          portA: sourceFirst ? sourcePort : destinationPort,
                          portB: sourceFirst ? destinationPort : sourcePort,
                          proto: proto, kind: kind, subPoint: subPoint, vlans: vlans)
        return (key, sourceFirst)
    }

    static func vlanBits(outer: UInt16?, inner: UInt16?) -> UInt32 {
        let o = outer.map { UInt32($0 & 0xFFF) + 1 } ?? 0
        let i = inner.map { UInt32($0 & 0xFFF) + 1 } ?? 0
        return o | i << 13
    }

    var outerVLAN: UInt16? { vlans & 0x1FFF == 0 ? nil : UInt16(vlans & 0x1FFF) - 1 }
    var innerVLAN: UInt16? { vlans >> 13 == 0 ? nil : UInt16(vlans >> 13 & 0x1FFF) - 1 }

    var addressA: IPAddress { AddressWords(high: highA, low: lowA, isIPv6: isIPv6).address }
    var addressB: IPAddress { AddressWords(high: highB, low: lowB, isIPv6: isIPv6).address }

    /// A 64-bit hash of every field (not Swift's per-process seeded `Hasher`: the table's
    /// layout, and so the order of sweeps, is the same in every run). Three independent
    /// 128-bit multiplies, each folded to 64 bits, then one more: a chain of two multiplies
    /// per packet looked up, where a `mix` per field was a chain of twelve.
    var hash: UInt64 {
        let a = FlowKey.fold(highA ^ 0xA076_1D64_78BD_642F, lowA ^ 0xE703_7ED1_A0B4_28DB)
        let b = FlowKey.fold(highB ^ 0x8EBC_6AF0_9C88_C6E3, lowB ^ 0x5899_65CC_7537_4CC3)
        let rest = UInt64(portA) | UInt64(portB) << 16 | UInt64(proto) << 32 | UInt64(kind) << 40
            | UInt64(subPoint) << 48
        let c = FlowKey.fold(rest ^ 0x1D8E_4E27_C47D_124F, UInt64(vlans) ^ 0x9E37_79B9_7F4A_7C15)
        return FlowKey.fold(a ^ 0xBF58_476D_1CE4_E5B9, b ^ c)
    }

    /// The 128-bit product of `a` and `b`, its halves xored.
    @inline(__always)
    static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// Folds `word` into `h` with SplitMix64's finalizer, so that every input bit reaches
    /// every output bit (the table uses the low bits, signatures the folded halves).
    @inline(__always)
    static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        var z = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ z >> 30) &* 0xBF58_476D_1CE4_E5B9
        return z ^ z >> 31
    }
}

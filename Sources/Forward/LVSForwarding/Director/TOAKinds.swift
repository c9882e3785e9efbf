/// The TCP option kinds a FULL-NAT director uses for the TOA client address
/// (lvs-reference.md §2.5): 254 for IPv4 everywhere; for IPv6 254 (DPVS) or 253 (Alibaba).
/// Tencent Cloud uses 200, UCloud 252.
public struct TOAKinds: Hashable, Sendable {
    public var ipv4: UInt8
    public var ipv6: UInt8

    public init(ipv4: UInt8, ipv6: UInt8) {
        self.ipv4 = ipv4
        self.ipv6 = ipv6
    }

    /// DPVS, Huawei: 254 for both families.
    public static let standard = TOAKinds(ipv4: 254, ipv6: 254)
    /// Alibaba LVS: `TCPOPT_ADDR` 254, `TCPOPT_ADDR_V6` 253.
    public static let alibaba = TOAKinds(ipv4: 254, ipv6: 253)
    public static let tencent = TOAKinds(ipv4: 200, ipv6: 200)
    public static let ucloud = TOAKinds(ipv4: 252, ipv6: 252)
}

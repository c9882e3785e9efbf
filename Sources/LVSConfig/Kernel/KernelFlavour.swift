/// Which IPVS implementation runs the director.
public enum KernelFlavour: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Mainline Linux IPVS (net/netfilter/ipvs).
    case linux
    /// iQIYI DPVS, the DPDK user-space port with FULL-NAT (iqiyi/dpvs src/ipvs).
    case dpvs
    /// Alibaba's FULL-NAT kernel patch on Linux 2.6.32 (alibaba/LVS).
    case alibaba

    public var description: String { rawValue }
}

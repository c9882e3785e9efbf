import LVSConfig

/// The director's tunables: the `net.ipv4.vs.*` sysctls the model honours (defaults as
/// in Documentation/networking/ipvs-sysctl.rst), the FULL-NAT knobs of DPVS/Alibaba, and
/// the seeds that make the model's stand-ins for kernel randomness repeatable.
public struct DirectorSettings: Sendable {
    /// `conn_reuse_mode` (1): bit 0 reschedules SYNs hitting TIME_WAIT/CLOSE entries,
    /// bit 1 also FIN_WAIT entries without output (DR/TUN).
    public var connectionReuseMode = 1
    /// `expire_nodest_conn` (0).
    public var expireNoDestinationConnections = false
    /// `expire_quiescent_template` (0).
    public var expireQuiescentTemplates = false
    /// `sloppy_tcp` (0): schedule any non-RST TCP packet, not only SYNs.
    public var sloppyTCP = false
    /// `conntrack` (0): IPVS keeps conntrack entries (matters for connection reuse drops).
    public var conntrack = false
    /// `pmtu_disc` (1): with 0 a tunnel fragments the outer packet instead of sending
    /// fragmentation-needed.
    public var pmtuDiscovery = true
    /// `secure_tcp` (0): use the defense state table.
    public var secureTCP = false
    /// `lblc_expiration` / `lblcr_expiration` (24 h).
    public var localityExpiration = 24 * 60 * 60
    /// TTL of ICMP errors the director sends (`ip_default_ttl`, hop limit 64).
    public var icmpTTL: UInt8 = 64
    /// FULL-NAT TOA kinds; nil disables insertion. Defaults by flavour (see `init`).
    public var toa: TOAKinds?
    /// FULL-NAT: also put the TOA on the client SYN (Alibaba); DPVS ≥ 1.9.6 puts it only on
    /// the segment acknowledging the real server's ISN + 1.
    public var toaOnSYN: Bool
    /// FULL-NAT local port range: Alibaba `lport_min...lport_max` 5000...65535, DPVS
    /// 1025...65535.
    public var localPorts: ClosedRange<Int>
    /// Seeds the generator of randomised schedulers (`twos`).
    public var schedulerSeed: UInt64 = 0
    /// Keys the stand-ins for the kernel's secret hashes: FULL-NAT ISNs, GUE source ports.
    public var hashSecret: UInt64 = 0x6C76_7363_6F70_6531

    public init(profile: KernelProfile = .default) {
        toa = profile.flavour == .alibaba ? .alibaba : .standard
        toaOnSYN = profile.flavour == .alibaba
        localPorts = profile.flavour == .alibaba ? 5000...65535 : 1025...65535
    }
}

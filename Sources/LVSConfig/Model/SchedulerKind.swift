/// The IPVS scheduling algorithms, one per kernel module `ip_vs_<name>`
/// (net/netfilter/ipvs/ip_vs_*.c). The raw value is the name ipvsadm `-s` and keepalived
/// `lvs_sched` use. Selection rules: lvs-reference.md §6.
public enum SchedulerKind: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Round robin (`ip_vs_rr.c`).
    case rr
    /// Weighted round robin (`ip_vs_wrr.c`).
    case wrr
    /// Least connection (`ip_vs_lc.c`).
    case lc
    /// Weighted least connection (`ip_vs_wlc.c`), the default of ipvsadm and keepalived.
    case wlc
    /// Shortest expected delay (`ip_vs_sed.c`).
    case sed
    /// Never queue (`ip_vs_nq.c`).
    case nq
    /// Locality-based least connection (`ip_vs_lblc.c`).
    case lblc
    /// Locality-based least connection with replication (`ip_vs_lblcr.c`).
    case lblcr
    /// Destination hashing (`ip_vs_dh.c`).
    case dh
    /// Source hashing (`ip_vs_sh.c`); honours `sh-fallback` and `sh-port`.
    case sh
    /// Maglev hashing (`ip_vs_mh.c`); honours `mh-fallback` and `mh-port`.
    case mh
    /// Weighted failover (`ip_vs_fo.c`).
    case fo
    /// Weighted overflow (`ip_vs_ovf.c`).
    case ovf
    /// Power of two choices (`ip_vs_twos.c`), randomised.
    case twos

    /// The scheduler ipvsadm (`DEF_SCHED`) and keepalived (`IPVS_DEF_SCHED`) use when
    /// none is given.
    public static let `default`: SchedulerKind = .wlc

    /// The name the kernel registers (`ip_vs_scheduler.name`).
    public var name: String { rawValue }

    /// Accepts the kernel name exactly (the kernel compares names case-sensitively).
    public init?(name: some StringProtocol) {
        self.init(rawValue: String(name))
    }

    /// Whether the scheduler reads the service's scheduler flags (`IP_VS_SVC_F_SCHED1..3`).
    public var readsSchedulerFlags: Bool { self == .sh || self == .mh }

    public var description: String { rawValue }
}

/// The scheduler-private service flags `IP_VS_SVC_F_SCHED1..3` (include/uapi/linux/ip_vs.h),
/// set with ipvsadm `-b|--sched-flags flag-1,flag-2,...` or keepalived `flag-1`... keywords.
/// `sh` and `mh` give flag-1 and flag-2 the names `*-fallback` and `*-port`.
public struct SchedulerFlags: OptionSet, Hashable, Sendable, Codable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `IP_VS_SVC_F_SCHED1` (0x0008).
    public static let flag1 = SchedulerFlags(rawValue: 0x0008)
    /// `IP_VS_SVC_F_SCHED2` (0x0010).
    public static let flag2 = SchedulerFlags(rawValue: 0x0010)
    /// `IP_VS_SVC_F_SCHED3` (0x0020).
    public static let flag3 = SchedulerFlags(rawValue: 0x0020)

    /// `IP_VS_SVC_F_SCHED_SH_FALLBACK`: look for another bucket when the hashed one is unavailable.
    public static let shFallback = flag1
    /// `IP_VS_SVC_F_SCHED_SH_PORT`: hash the client port as well as the address.
    public static let shPort = flag2
    /// `IP_VS_SVC_F_SCHED_MH_FALLBACK`.
    public static let mhFallback = flag1
    /// `IP_VS_SVC_F_SCHED_MH_PORT`.
    public static let mhPort = flag2

    /// Parses one flag name as ipvsadm's `parse_sched_flags` does: `flag-1..3` always, the
    /// `sh-`/`mh-` aliases only with their scheduler. Returns nil for an unknown name;
    /// a failure for an alias used with the wrong scheduler.
    static func parse(_ name: String, for scheduler: SchedulerKind) -> Result<SchedulerFlags, FlagProblem>? {
        switch name {
        case "flag-1": return .success(.flag1)
        case "flag-2": return .success(.flag2)
        case "flag-3": return .success(.flag3)
        case "sh-fallback", "sh-port":
            guard scheduler == .sh else { return .failure(FlagProblem(name: name, needs: .sh)) }
            return .success(name == "sh-port" ? .shPort : .shFallback)
        case "mh-fallback", "mh-port":
            guard scheduler == .mh else { return .failure(FlagProblem(name: name, needs: .mh)) }
            return .success(name == "mh-port" ? .mhPort : .mhFallback)
        default:
            return nil
        }
    }

    struct FlagProblem: Error {
        var name: String
        var needs: SchedulerKind
    }

    /// The names ipvsadm-save prints for these flags under `scheduler`.
    public func names(for scheduler: SchedulerKind) -> [String] {
        var names: [String] = []
        let prefix = scheduler.readsSchedulerFlags ? scheduler.rawValue : nil
        if contains(.flag1) { names.append(prefix.map { "\($0)-fallback" } ?? "flag-1") }
        if contains(.flag2) { names.append(prefix.map { "\($0)-port" } ?? "flag-2") }
        if contains(.flag3) { names.append("flag-3") }
        return names
    }
}

/// Service persistence (`IP_VS_SVC_F_PERSISTENT`): connections from one client (after
/// masking with `granularity`) go to the same real server while a template lives
/// (lvs-reference.md §5.5). ipvsadm `-p [timeout] [-M mask]`; keepalived
/// `persistence_timeout`, `persistence_granularity`.
public struct Persistence: Hashable, Sendable, Codable {
    /// Template timeout in seconds (1 ... 31 days).
    public var timeout: Int
    public var granularity: PersistenceGranularity

    /// ipvsadm's `-p` without a value (`IPVS_SVC_PERSISTENT_TIMEOUT`).
    public static let ipvsadmDefaultTimeout = 300
    /// keepalived's `persistence_timeout` without a value (6 minutes).
    public static let keepalivedDefaultTimeout = 360
    /// The largest timeout ipvsadm and keepalived accept (`MAX_TIMEOUT`, 31 days).
    public static let maximumTimeout = 86400 * 31

    public init(timeout: Int, granularity: PersistenceGranularity) {
        self.timeout = timeout
        self.granularity = granularity
    }
}

import LVSConfig
import LVSWire

/// The destinations of one virtual service as the schedulers see them: the fields of
/// `struct ip_vs_dest` they read (weight, `last_weight`, `activeconns`, `inactconns`,
/// `persistconns`, the `IP_VS_DEST_F_OVERLOAD` and `IP_VS_DEST_F_AVAILABLE` flags), kept as
/// columns indexed by the destination's position in the configuration.
///
/// `list` is the service's destination list (`svc->destinations`) in kernel order: the
/// configured order, minus removed destinations. Schedulers walk `list`, never the columns
/// directly, so a removed destination is invisible to them as in the kernel (it sits in the
/// trash until its connections are gone).
public struct DestinationTable: Sendable {
    public private(set) var servers: [RealServer]
    public private(set) var weight: [Int]
    /// The latest non-zero weight (`last_weight`, kept for Maglev so quiescing does not reshuffle).
    public private(set) var lastWeight: [Int]
    public internal(set) var activeConnections: [Int]
    public internal(set) var inactiveConnections: [Int]
    public internal(set) var persistentConnections: [Int]
    public private(set) var overloaded: [Bool]
    public private(set) var available: [Bool]
    /// Destination indices in list order.
    public private(set) var list: [Int]

    public init(servers: [RealServer]) {
        self.servers = servers
        weight = servers.map(\.weight)
        lastWeight = servers.map(\.weight)
        activeConnections = Array(repeating: 0, count: servers.count)
        inactiveConnections = activeConnections
        persistentConnections = activeConnections
        overloaded = Array(repeating: false, count: servers.count)
        available = Array(repeating: true, count: servers.count)
        list = Array(servers.indices)
    }

    public var count: Int { servers.count }

    /// `ip_vs_dest_conn_overhead`: active connections weigh 256 inactive ones (include/net/ip_vs.h;
    /// the comment in ip_vs_lc.c still says `<< 5`, the code shifts by 8).
    @inlinable
    public func overhead(_ index: Int) -> Int {
        activeConnections[index] << 8 + inactiveConnections[index]
    }

    /// `ip_vs_dest_totalconns`: what the thresholds compare against.
    public func totalConnections(_ index: Int) -> Int {
        activeConnections[index] + inactiveConnections[index]
    }

    /// Not overloaded and weight above zero: what most schedulers accept.
    @inlinable
    public func isUsable(_ index: Int) -> Bool {
        !overloaded[index] && weight[index] > 0
    }

    // MARK: Counters (ip_vs_bind_dest / ip_vs_unbind_dest)

    /// A connection (or template) starts using `index`; sets the overload flag when the upper
    /// threshold is reached.
    mutating func bind(_ index: Int, template: Bool, inactive: Bool) {
        if template {
            persistentConnections[index] += 1
        } else if inactive {
            inactiveConnections[index] += 1
        } else {
            activeConnections[index] += 1
        }
        let upper = servers[index].upperThreshold
        if upper != 0, totalConnections(index) >= upper { overloaded[index] = true }
    }

    /// A connection stops using `index`; clears the overload flag by the lower threshold, or
    /// below three quarters of the upper one when no lower threshold is set.
    mutating func unbind(_ index: Int, template: Bool, inactive: Bool) {
        if template {
            persistentConnections[index] -= 1
        } else if inactive {
            inactiveConnections[index] -= 1
        } else {
            activeConnections[index] -= 1
        }
        let server = servers[index]
        if server.lowerThreshold != 0 {
            if totalConnections(index) < server.lowerThreshold { overloaded[index] = false }
        } else if server.upperThreshold != 0 {
            if totalConnections(index) * 4 < server.upperThreshold * 3 { overloaded[index] = false }
        } else {
            overloaded[index] = false
        }
    }

    /// A connection moves between the active and inactive counters (`set_tcp_state`).
    mutating func move(_ index: Int, toActive: Bool) {
        if toActive {
            inactiveConnections[index] -= 1
            activeConnections[index] += 1
        } else {
            activeConnections[index] -= 1
            inactiveConnections[index] += 1
        }
    }

    // MARK: Configuration changes (ipvsadm -e / -d, keepalived checkers)

    /// `__ip_vs_update_dest`: a new weight; `last_weight` keeps the latest non-zero one.
    mutating func setWeight(_ newWeight: Int, of index: Int) {
        weight[index] = newWeight
        if newWeight != 0 { lastWeight[index] = newWeight }
    }

    /// `__ip_vs_del_dest`: out of the list and no longer available.
    mutating func remove(_ index: Int) {
        available[index] = false
        list.removeAll { $0 == index }
    }

    /// The index of the destination with this address and port.
    public func index(of address: IPAddress, port: UInt16) -> Int? {
        servers.firstIndex { $0.address == address && $0.port == port }
    }
}

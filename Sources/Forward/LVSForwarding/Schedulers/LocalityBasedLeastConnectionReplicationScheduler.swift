import LVSWire

/// Locality-based least connection with replication (`ip_vs_lblcr.c`): the cache maps the
/// packet's destination address to a *set* of servers (newest first, `list_add_rcu`).
///
/// The least loaded available member (by overhead / weight) is used unless it is
/// "overloaded" in the lblc sense; then the wlc choice is added to the set. A set with more
/// than one member that was not modified for `lblcr_expiration` loses its most loaded member.
public struct LocalityBasedLeastConnectionReplicationScheduler: Scheduler {
    struct ServerSet: Sendable {
        var members: [Int]
        var lastModified: Timestamp
    }

    var cache: LocalityCache<ServerSet>

    /// `lblcr_expiration`, 24 hours by default.
    public init(expirationSeconds: Int = 24 * 60 * 60) {
        cache = LocalityCache(expirationSeconds: expirationSeconds)
    }

    /// The set cached for `address`, newest member first.
    public func members(for address: IPAddress) -> [Int]? { cache[address]?.value.members }

    public mutating func pick(from destinations: DestinationTable, for request: SchedulingRequest) -> Int? {
        cache.collect(upTo: request.time)
        let key = request.destinationAddress
        guard var entry = cache[key] else {
            guard let chosen = wlc(destinations) else { return nil }
            cache.insert(ServerSet(members: [chosen], lastModified: request.time), for: key, at: request.time)
            return chosen
        }
        entry.lastUse = request.time
        let least = Self.setMinimum(entry.value.members, destinations)
        if entry.value.members.count > 1,
           request.time.rawValue > entry.value.lastModified.rawValue + cache.expiration,
           let most = Self.setMaximum(entry.value.members, destinations) {
            entry.value.members.removeAll { $0 == most }
            entry.value.lastModified = request.time
        }
        defer { cache[key] = entry }
        if let least, !LocalityCache<ServerSet>.isOverloaded(least, in: destinations) { return least }
        guard let chosen = wlc(destinations) else { return nil }
        if !entry.value.members.contains(chosen) {
            entry.value.members.insert(chosen, at: 0)
            entry.value.lastModified = request.time
        }
        return chosen
    }

    private func wlc(_ destinations: DestinationTable) -> Int? {
        WeightedLeastConnectionScheduler.leastLoaded(in: destinations, overhead: destinations.overhead)
    }

    /// `ip_vs_dest_set_min`.
    static func setMinimum(_ members: [Int], _ destinations: DestinationTable) -> Int? {
        guard let start = members.firstIndex(where: {
            !destinations.overloaded[$0] && destinations.weight[$0] > 0 && destinations.available[$0]
        }) else { return nil }
        var least = members[start]
        var leastOverhead = destinations.overhead(least)
        for index in members[(start + 1)...] where !destinations.overloaded[index] {
            let overhead = destinations.overhead(index)
            if leastOverhead * destinations.weight[index] > overhead * destinations.weight[least],
               destinations.available[index] {
                least = index
                leastOverhead = overhead
            }
        }
        return least
    }

    /// `ip_vs_dest_set_max`.
    static func setMaximum(_ members: [Int], _ destinations: DestinationTable) -> Int? {
        guard let start = members.firstIndex(where: { destinations.weight[$0] > 0 }) else { return nil }
        var most = members[start]
        var mostOverhead = destinations.overhead(most)
        for index in members[(start + 1)...] {
            let overhead = destinations.overhead(index)
            if mostOverhead * destinations.weight[index] < overhead * destinations.weight[most],
               destinations.weight[index] > 0 {
                most = index
                mostOverhead = overhead
            }
        }
        return most
    }
}

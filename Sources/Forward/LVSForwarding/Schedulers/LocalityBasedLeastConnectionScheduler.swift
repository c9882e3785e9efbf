/// Locality-based least connection (`ip_vs_lblc.c`): a cache maps the packet's destination
/// address to a server. The cached server is used while it is available, has weight > 0
/// and is not "overloaded" (more active connections than its weight while another server
/// has fewer than half its weight active); otherwise the wlc choice replaces the entry.
public struct LocalityBasedLeastConnectionScheduler: Scheduler {
    var cache: LocalityCache<Int>

    /// `lblc_expiration`, 24 hours by default.
    public init(expirationSeconds: Int = 24 * 60 * 60) {
        cache = LocalityCache(expirationSeconds: expirationSeconds)
    }

    /// Cached entries (destination address → destination index).
    public var cachedEntries: Int { cache.entries.count }

    public mutating func pick(from destinations: DestinationTable, for request: SchedulingRequest) -> Int? {
        cache.collect(upTo: request.time)
        let key = request.destinationAddress
        if var entry = cache[key] {
            entry.lastUse = request.time
            cache[key] = entry
            let cached = entry.value
            if destinations.available[cached], destinations.weight[cached] > 0,
               !LocalityCache<Int>.isOverloaded(cached, in: destinations) {
                return cached
            }
        }
        guard let chosen = WeightedLeastConnectionScheduler.leastLoaded(in: destinations, overhead: destinations.overhead)
        else { return nil }
        if cache[key]?.value != chosen { cache.insert(chosen, for: key, at: request.time) }
        return chosen
    }
}

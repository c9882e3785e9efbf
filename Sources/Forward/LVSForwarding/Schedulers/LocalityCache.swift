import LVSConfig
import LVSWire

/// The per-destination-address cache of `ip_vs_lblc.c` and `ip_vs_lblcr.c` with the
/// kernel's garbage collection, driven by capture time.
///
/// Every 60 s (`CHECK_EXPIRE_INTERVAL`) a check runs: every 30th one sweeps out entries
/// unused for `expiration` (24 h, `lblc_expiration`); otherwise, when the table holds more
/// than 16 K entries (1024 buckets x 16), entries unused for 6 minutes are dropped bucket by
/// bucket from the rover until `(entries - 16K) * 4 / 3` (at most 8 K) are gone. Buckets are
/// `hash_32(folded address, 10)`; within a bucket the newest entry comes first
/// (`hlist_add_head`). The first check is due 60 s after the first scheduling request
/// (the kernel arms it when the service is created).
struct LocalityCache<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        var value: Value
        var lastUse: Timestamp
        var sequence: UInt64
    }

    static var bucketBits: Int { 10 }
    static var maximumSize: Int { (1 << bucketBits) * 16 }
    static var checkInterval: Int64 { 60 * 1_000_000_000 }
    static var entryTimeout: Int64 { 6 * 60 * 1_000_000_000 }
    static var fullCheckEvery: Int { 30 }

    private(set) var entries: [IPAddress: Entry] = [:]
    var expiration: Int64
    private var nextCheck: Timestamp?
    private var counter = 1
    private var rover = 0
    private var sequence: UInt64 = 0

    init(expirationSeconds: Int) {
        expiration = Int64(expirationSeconds) * 1_000_000_000
    }

    subscript(address: IPAddress) -> Entry? {
        get { entries[address] }
        set { entries[address] = newValue }
    }

    /// A fresh entry at the head of its bucket.
    mutating func insert(_ value: Value, for address: IPAddress, at time: Timestamp) {
        sequence += 1
        entries[address] = Entry(value: value, lastUse: time, sequence: sequence)
    }

    /// Runs every periodic check that fell due up to `time`.
    mutating func collect(upTo time: Timestamp) {
        guard let due = nextCheck else {
            nextCheck = time.adding(nanoseconds: Self.checkInterval)
            return
        }
        var check = due
        while check <= time {
            runCheck(at: check)
            check = check.adding(nanoseconds: Self.checkInterval)
        }
        nextCheck = check
    }

    /// `ip_vs_lblc_check_expire`.
    private mutating func runCheck(at now: Timestamp) {
        if counter % Self.fullCheckEvery == 0 {
            entries = entries.filter { now.rawValue < $0.value.lastUse.rawValue + expiration }
            rover = (rover + (1 << Self.bucketBits)) & ((1 << Self.bucketBits) - 1)
            counter = 1
            return
        }
        guard entries.count > Self.maximumSize else {
            counter += 1
            return
        }
        var goal = min((entries.count - Self.maximumSize) * 4 / 3, Self.maximumSize / 2)
        let mask = (1 << Self.bucketBits) - 1
        let ordered = entries.map { (address: $0.key, bucket: Self.bucket(of: $0.key), entry: $0.value) }
            .sorted { lhs, rhs in
                let l = (lhs.bucket - rover - 1) & mask
                let r = (rhs.bucket - rover - 1) & mask
                return l != r ? l < r : lhs.entry.sequence > rhs.entry.sequence
            }
        var bucket = rover
        for item in ordered {
            if goal <= 0, item.bucket != bucket { break }
            bucket = item.bucket
            if now.rawValue < item.entry.lastUse.rawValue + Self.entryTimeout { continue }
            entries[item.address] = nil
            goal -= 1
        }
        rover = goal <= 0 ? bucket : (rover + (1 << Self.bucketBits)) & mask
    }

    static func bucket(of address: IPAddress) -> Int {
        Int(SchedulerHash.hash32(SchedulerHash.fold(address), bits: bucketBits))
    }

    /// `is_overloaded` of lblc/lblcr: more active connections than weight while some
    /// destination has fewer than half its weight active.
    static func isOverloaded(_ index: Int, in destinations: DestinationTable) -> Bool {
        guard destinations.activeConnections[index] > destinations.weight[index] else { return false }
        return destinations.list.contains { destinations.activeConnections[$0] * 2 < destinations.weight[$0] }
    }
}

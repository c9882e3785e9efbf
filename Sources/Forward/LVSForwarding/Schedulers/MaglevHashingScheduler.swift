import LVSConfig

/// Maglev hashing (`ip_vs_mh.c`; Eisenbud et al., NSDI 2016, §3.4).
///
/// Table size M is the profile's prime (4093 by default, from `CONFIG_IP_VS_MH_TAB_INDEX`
/// = 12). Each destination's permutation starts at `hash1(v) mod M` and steps by
/// `hash2(v) mod (M - 1) + 1`, with `v = port + folded address` and `hash1`/`hash2` the
/// kernel's `hsiphash` with fixed keys. Destinations claim slots in list order, `turns`
/// slots per round: `(last_weight / gcd) >> rshift`, at least 1 for a non-zero weight,
/// where `rshift = max(0, fls(max / gcd) - IP_VS_MH_TAB_BITS)` and the table bits are
/// `CONFIG_IP_VS_MH_TAB_INDEX / 2`. The last non-zero weight is used, so quiescing a
/// destination does not reshuffle the table.
///
/// Lookup: `hash1(client port (with mh-port) + client address) mod M`; an unavailable owner
/// (weight <= 0 or overloaded) means no destination unless `mh-fallback`, which retries
/// with offsets `(k + ihash) mod M` added into the hashed value.
public struct MaglevHashingScheduler: Scheduler {
    /// ip_vs_mh.c `generate_hash_secret`.
    static let hash1 = KernelSipHash.hsiphash(keyWord: 2_654_435_761)
    static let hash2 = KernelSipHash.hsiphash(keyWord: 2_654_446_892)

    public let tableSize: Int
    public let fallback: Bool
    public let hashesPort: Bool
    /// The destination owning each slot, -1 for none (no destination has a weight).
    public private(set) var lookup: [Int]

    public init(destinations: DestinationTable, tableSize: Int, fallback: Bool, hashesPort: Bool) {
        self.tableSize = tableSize
        self.fallback = fallback
        self.hashesPort = hashesPort
        lookup = []
        lookup = populate(destinations)
    }

    public mutating func pick(from destinations: DestinationTable, for request: SchedulingRequest) -> Int? {
        let port = hashesPort ? UInt32(request.clientPort) : 0
        let folded = SchedulerHash.fold(request.clientAddress)
        let home = Int(Self.hash1.hsiphash(port &+ folded) % UInt32(tableSize))
        let owner = lookup[home]
        guard owner >= 0 else { return nil }
        if destinations.isUsable(owner) { return owner }
        guard fallback else { return nil }
        for step in 0..<tableSize {
            let offset = UInt32((step + home) % tableSize)
            let slot = Int(Self.hash1.hsiphash(offset &+ port &+ folded) % UInt32(tableSize))
            let candidate = lookup[slot]
            if candidate < 0 { break }
            if destinations.isUsable(candidate) { return candidate }
        }
        return nil
    }

    public mutating func destinationsChanged(_ destinations: DestinationTable, removed: Int?) {
        lookup = populate(destinations)
    }

    /// `IP_VS_MH_TAB_BITS`: half of `CONFIG_IP_VS_MH_TAB_INDEX`, whose value is the prime's
    /// position in the kernel's list plus 8.
    var tableBits: Int {
        let position = KernelProfile.maglevTableSizes.firstIndex(of: tableSize) ?? 4
        return (position + 8) / 2
    }

    /// One destination's walk through the table (`struct ip_vs_mh_dest_setup`).
    struct Permutation {
        var next: Int
        var skip: Int
        var turns: Int
    }

    /// `ip_vs_mh_permutate` + `ip_vs_mh_populate`.
    func populate(_ destinations: DestinationTable) -> [Int] {
        var table = [Int](repeating: -1, count: tableSize)
        guard var permutations = permutations(destinations) else { return table }
        let list = destinations.list
        var filled = 0
        while filled < tableSize {
            var position = 0
            var claimed = 0
            while position < list.count {
                guard permutations[position].turns >= 1 else {
                    position += 1
                    continue
                }
                var slot = permutations[position].next
                while table[slot] >= 0 {
                    slot += permutations[position].skip
                    if slot >= tableSize { slot -= tableSize }
                }
                permutations[position].next = slot
                table[slot] = list[position]
                filled += 1
                if filled == tableSize { return table }
                claimed += 1
                if claimed >= permutations[position].turns {
                    claimed = 0
                    position += 1
                }
            }
        }
        return table
    }

    /// `ip_vs_mh_permutate` with `ip_vs_mh_gcd_weight` and `ip_vs_mh_shift_weight`; nil
    /// when no destination has a non-zero last weight (the table stays empty).
    func permutations(_ destinations: DestinationTable) -> [Permutation]? {
        let list = destinations.list
        var g = 0
        for index in list where destinations.lastWeight[index] > 0 {
            g = g > 0 ? gcd(destinations.lastWeight[index], g) : destinations.lastWeight[index]
        }
        guard g >= 1 else { return nil }
        let maxWeight = list.map { destinations.lastWeight[$0] }.max() ?? 0
        let shift = max(0, (Int.bitWidth - (maxWeight / g).leadingZeroBitCount) - tableBits)
        return list.map { index in
            let server = destinations.servers[index]
            let value = UInt32(server.port) &+ SchedulerHash.fold(server.address)
            let weight = destinations.lastWeight[index]
            let turns = (weight / g) >> shift
            return Permutation(next: Int(Self.hash1.hsiphash(value) % UInt32(tableSize)),
                               skip: Int(Self.hash2.hsiphash(value) % UInt32(tableSize - 1)) + 1,
                               turns: turns != 0 ? turns : (weight != 0 ? 1 : 0))
        }
    }
}

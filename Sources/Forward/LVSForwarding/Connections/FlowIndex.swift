/// A map from `FlowKey` to a connection slot: open addressing with linear probing over
/// power-of-two columns, at most half full, with backward-shift deletion (no tombstones, so
/// probe runs stay short however many entries come and go).
///
/// It replaces `[FlowKey: Int32]` on the per-packet path: `Hasher` (SipHash-1-3 with a
/// per-process seed) cost more than the rest of a lookup, and every growth rehashed every
/// key. Here a key's mix is computed once and kept beside its slot, so probing reads one
/// 8-byte bucket per step and touches the 40-byte key only when the mixes agree; growth
/// reuses the stored mixes. Nothing iterates the index, so its order never reaches output
/// (DESIGN.md §2).
struct FlowIndex: Sendable {
    struct Bucket: Sendable {
        /// The low 32 bits of the key's mix; the home bucket is `hash & mask`.
        var hash: UInt32
        /// `FlowIndex.empty` marks a free bucket.
        var slot: Int32
    }

    static let empty: Int32 = -1
    static let initialCapacity = 1024

    private var buckets: ContiguousArray<Bucket> = []
    private var keys: ContiguousArray<FlowKey> = []
    private(set) var count = 0

    init() {}

    var capacity: Int { buckets.count }

    /// The slot stored for `key`.
    func find(_ key: FlowKey) -> Int32? {
        guard count > 0 else { return nil }
        let hash = UInt32(truncatingIfNeeded: key.mix)
        let mask = buckets.count - 1
        var index = Int(hash) & mask
        while buckets[index].slot != Self.empty {
            if buckets[index].hash == hash, keys[index] == key { return buckets[index].slot }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Stores `slot` for `key`, replacing what it held.
    mutating func set(_ key: FlowKey, _ slot: Int32) {
        if (count + 1) * 2 > buckets.count { grow() }
        let hash = UInt32(truncatingIfNeeded: key.mix)
        let mask = buckets.count - 1
        var index = Int(hash) & mask
        while buckets[index].slot != Self.empty {
            if buckets[index].hash == hash, keys[index] == key {
                buckets[index].slot = slot
                return
            }
            index = (index + 1) & mask
        }
        buckets[index] = Bucket(hash: hash, slot: slot)
        keys[index] = key
        count += 1
    }

    /// Removes `key` if it maps to `slot` (an entry that a newer one displaced leaves the
    /// newer one indexed).
    mutating func remove(_ key: FlowKey, ifSlot slot: Int32) {
        guard count > 0 else { return }
        let hash = UInt32(truncatingIfNeeded: key.mix)
        let mask = buckets.count - 1
        var index = Int(hash) & mask
        while buckets[index].slot != Self.empty {
            if buckets[index].hash == hash, keys[index] == key {
                if buckets[index].slot == slot { removeBucket(index) }
                return
            }
            index = (index + 1) & mask
        }
    }

    /// Empties `hole`, then moves later entries of the probe run back so that every entry
    /// stays reachable from its home bucket without crossing a free one.
    private mutating func removeBucket(_ hole: Int) {
        let mask = buckets.count - 1
        var hole = hole
        var next = (hole + 1) & mask
        while buckets[next].slot != Self.empty {
            let home = Int(buckets[next].hash) & mask
            // The entry at `next` may fill the hole unless its home lies in the cyclic
            // range (hole, next]: it would then sit before its home.
            if (next &- home) & mask >= (next &- hole) & mask {
                buckets[hole] = buckets[next]
                keys[hole] = keys[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        buckets[hole].slot = Self.empty
        count -= 1
    }

    private mutating func grow() {
        let capacity = Swift.max(Self.initialCapacity, buckets.count * 2)
        let oldBuckets = buckets
        let oldKeys = keys
        buckets = ContiguousArray(repeating: Bucket(hash: 0, slot: Self.empty), count: capacity)
        keys = ContiguousArray(repeating: FlowKey.zero, count: capacity)
        let mask = capacity - 1
        for old in oldBuckets.indices where oldBuckets[old].slot != Self.empty {
            var index = Int(oldBuckets[old].hash) & mask
            while buckets[index].slot != Self.empty { index = (index + 1) & mask }
            buckets[index] = oldBuckets[old]
            keys[index] = oldKeys[old]
        }
    }
}

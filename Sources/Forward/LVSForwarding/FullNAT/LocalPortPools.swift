import LVSConfig
import LVSWire

/// FULL-NAT local port allocation, per flavour (lvs-reference.md §2.4):
///
/// - Alibaba LVS: per local address a counter; each try takes
///   `lport_min + (++counter) % (lport_max - lport_min + 1)` and accepts it when the tuple
///   `<RIP, rport, LIP, lport>` is unused, up to `lport_tries` (10000) tries. The counter
///   starts at 0, so the first port is `lport_min + 1`.
/// - DPVS: per local address and pool `(RIP low 16 bits + rport) % 16` (one lcore) a FIFO
///   free list holding the whole range in ascending order; released ports go to its tail.
///   A fresh pool hands out ports in order, then the released ones in release order.
struct LocalPortPools: Sendable {
    struct FIFOPool: Sendable {
        var nextFresh: Int
        var released: [UInt16] = []
        var releasedHead = 0
    }

    static let alibabaTries = 10_000
    static let dpvsPools = 16

    private var counters: [IPAddress: UInt64] = [:]
    /// DPVS pools, found through their key's position in `pools` (a `FlowIndex`: no seeded
    /// `Hasher` per connection, and the pool is edited in place, not copied out and back).
    private var poolIndex = FlowIndex()
    private var pools: [FIFOPool] = []

    /// Alibaba: a local port from `local`'s counter that `isUsed` does not refuse, or nil.
    mutating func allocateAlibaba(range: ClosedRange<Int>, local: IPAddress, isUsed: (UInt16) -> Bool) -> UInt16? {
        let span = UInt64(range.count)
        for _ in 0..<Self.alibabaTries {
            let counter = (counters[local] ?? 0) &+ 1
            counters[local] = counter
            let port = UInt16(range.lowerBound + Int(counter % span))
            if !isUsed(port) { return port }
        }
        return nil
    }

    /// DPVS: the next port of the pool for `real:realPort` from `local`, or nil when it is empty.
    mutating func allocateDPVS(range: ClosedRange<Int>, local: IPAddress, real: IPAddress,
                               realPort: UInt16) -> UInt16? {
        let pool = self.pool(local: local, real: real, realPort: realPort, fresh: range.lowerBound)
        if pools[pool].nextFresh <= range.upperBound {
            pools[pool].nextFresh += 1
            return UInt16(pools[pool].nextFresh - 1)
        }
        guard pools[pool].releasedHead < pools[pool].released.count else { return nil }
        let port = pools[pool].released[pools[pool].releasedHead]
        pools[pool].releasedHead += 1
        if pools[pool].releasedHead > 1024, pools[pool].releasedHead * 2 > pools[pool].released.count {
            pools[pool].released.removeFirst(pools[pool].releasedHead)
            pools[pool].releasedHead = 0
        }
        return port
    }

    /// Returns a DPVS port to its pool's tail (Alibaba's counter needs no release).
    mutating func release(flavour: KernelFlavour, port: UInt16, local: IPAddress, real: IPAddress, realPort: UInt16) {
        guard flavour != .alibaba else { return }
        let pool = self.pool(local: local, real: real, realPort: realPort, fresh: Int(port) + 1)
        pools[pool].released.append(port)
    }

    /// The index of a pool in `pools`, created with `fresh` as its next fresh port.
    private mutating func pool(local: IPAddress, real: IPAddress, realPort: UInt16, fresh: Int) -> Int {
        let key = poolKey(local: local, real: real, realPort: realPort)
        if let found = poolIndex.find(key) { return Int(found) }
        pools.append(FIFOPool(nextFresh: fresh))
        poolIndex.set(key, Int32(pools.count - 1))
        return pools.count - 1
    }

    private func poolKey(local: IPAddress, real: IPAddress, realPort: UInt16) -> FlowKey {
        let low16 = UInt32(truncatingIfNeeded: SchedulerHash.fold(real)) & 0xFFFF
        let pool = UInt16((low16 + UInt32(realPort)) % UInt32(Self.dpvsPools))
        return FlowKey(.tcp, local, pool, local, 0)
    }
}

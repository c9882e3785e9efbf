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
    private var pools: [FlowKey: FIFOPool] = [:]

    /// A local port for a connection to `real:realPort` from `local`, or nil when none is free.
    mutating func allocate(flavour: KernelFlavour, range: ClosedRange<Int>, local: IPAddress, real: IPAddress,
                           realPort: UInt16, isUsed: (UInt16) -> Bool) -> UInt16? {
        if flavour == .alibaba {
            let span = UInt64(range.count)
            for _ in 0..<Self.alibabaTries {
                let counter = (counters[local] ?? 0) &+ 1
                counters[local] = counter
                let port = UInt16(range.lowerBound + Int(counter % span))
                if !isUsed(port) { return port }
            }
            return nil
        }
        let key = poolKey(local: local, real: real, realPort: realPort)
        var pool = pools[key] ?? FIFOPool(nextFresh: range.lowerBound)
        defer { pools[key] = pool }
        if pool.nextFresh <= range.upperBound {
            pool.nextFresh += 1
            return UInt16(pool.nextFresh - 1)
        }
        guard pool.releasedHead < pool.released.count else { return nil }
        let port = pool.released[pool.releasedHead]
        pool.releasedHead += 1
        if pool.releasedHead > 1024, pool.releasedHead * 2 > pool.released.count {
            pool.released.removeFirst(pool.releasedHead)
            pool.releasedHead = 0
        }
        return port
    }

    /// Returns a DPVS port to its pool's tail (Alibaba's counter needs no release).
    mutating func release(flavour: KernelFlavour, port: UInt16, local: IPAddress, real: IPAddress, realPort: UInt16) {
        guard flavour != .alibaba else { return }
        let key = poolKey(local: local, real: real, realPort: realPort)
        pools[key, default: FIFOPool(nextFresh: Int(port) + 1)].released.append(port)
    }

    private func poolKey(local: IPAddress, real: IPAddress, realPort: UInt16) -> FlowKey {
        let low16 = UInt32(truncatingIfNeeded: SchedulerHash.fold(real)) & 0xFFFF
        let pool = UInt16((low16 + UInt32(realPort)) % UInt32(Self.dpvsPools))
        return FlowKey(.tcp, local, pool, local, 0)
    }
}

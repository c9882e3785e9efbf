import LVSWire
import Testing
@testable import LVSForwarding

/// FULL-NAT local port allocation per flavour (lvs-reference.md §2.4).
@Suite struct LocalPortPoolsTests {
    static let local = IPAddress.v4(IPv4Address(rawValue: 0xC633_64C8))  // 198.51.100.200
    static let real = IPAddress.v4(IPv4Address(rawValue: 0xC633_640B))   // 198.51.100.11

    /// DPVS: a fresh pool hands out its range in order, then released ports in release order.
    @Test func dpvsHandsOutFreshPortsThenReleasedOnesInOrder() {
        var pools = LocalPortPools()
        let range = 1025...1028
        func next() -> UInt16? { pools.allocateDPVS(range: range, local: Self.local, real: Self.real, realPort: 80) }
        let fresh = (0..<4).map { _ in next() }
        #expect(fresh == [1025, 1026, 1027, 1028])
        #expect(next() == nil)
        for port: UInt16 in [1027, 1025] {
            pools.release(flavour: .dpvs, port: port, local: Self.local, real: Self.real, realPort: 80)
        }
        let reused = (0..<3).map { _ in next() }
        #expect(reused == [1027, 1025, nil])
    }

    /// DPVS pools are per local address and `(RIP low 16 bits + rport) % 16`: port 96 lands
    /// in the pool of port 80 (0x640B + 80 and 0x640B + 96 agree modulo 16), port 81 does not.
    @Test func dpvsPoolsFollowTheRealServerPortModulo16() {
        var pools = LocalPortPools()
        let range = 2000...2100
        #expect(pools.allocateDPVS(range: range, local: Self.local, real: Self.real, realPort: 80) == 2000)
        #expect(pools.allocateDPVS(range: range, local: Self.local, real: Self.real, realPort: 96) == 2001)
        #expect(pools.allocateDPVS(range: range, local: Self.local, real: Self.real, realPort: 81) == 2000)
        let other = IPAddress.v4(IPv4Address(rawValue: 0xC633_64C9))
        #expect(pools.allocateDPVS(range: range, local: other, real: Self.real, realPort: 80) == 2000)
    }

    /// A port released into a pool that never allocated starts the pool after it.
    @Test func dpvsReleaseIntoAnUnusedPoolStartsAfterThePort() {
        var pools = LocalPortPools()
        pools.release(flavour: .dpvs, port: 3000, local: Self.local, real: Self.real, realPort: 80)
        let ports = (0..<2).map { _ in
            pools.allocateDPVS(range: 1025...4000, local: Self.local, real: Self.real, realPort: 80)
        }
        #expect(ports == [3001, 3002])
    }

    /// Alibaba: `lport_min + (++counter) % span`, skipping ports the table reports in use.
    @Test func alibabaCountsAndSkipsUsedPorts() {
        var pools = LocalPortPools()
        let first = pools.allocateAlibaba(range: 5000...5003, local: Self.local) { _ in false }
        let second = pools.allocateAlibaba(range: 5000...5003, local: Self.local) { $0 == 5002 }
        let wrapped = pools.allocateAlibaba(range: 5000...5003, local: Self.local) { _ in false }
        #expect([first, second, wrapped] == [5001, 5003, 5000])
        #expect(pools.allocateAlibaba(range: 5000...5003, local: Self.local) { _ in true } == nil)
    }
}

import LVSConfig
import LVSWire
import Testing
@testable import LVSForwarding

/// mh. Expected slots and owners come from an independent Python implementation of
/// SipHash (checked against the SipHash-2-4 reference vector) and of the kernel's
/// permutate/populate loops, with M = 251 (`CONFIG_IP_VS_MH_TAB_INDEX` 8, table bits 4).
@Suite struct MaglevHashingSchedulerTests {
    /// The SipHash round function against the paper's SipHash-2-4 vector (key 00..0f,
    /// message 00..0e), and the kernel hsiphash of one 32-bit value.
    @Test func sipHashVectors() {
        let key0 = UInt64(0x0706_0504_0302_0100)
        let key1 = UInt64(0x0F0E_0D0C_0B0A_0908)
        let sip24 = KernelSipHash(key0: key0, key1: key1, compressionRounds: 2, finalizationRounds: 4)
        #expect(sip24.hash(Array(0..<15)) == 0xA129_CA61_49BE_45E5)
        #expect(MaglevHashingScheduler.hash1.hsiphash(0x0A00_0005) == 1_788_083_879)
        #expect(UInt32(truncatingIfNeeded: MaglevHashingScheduler.hash1.hash([5, 0, 0, 10])) == 1_788_083_879)
    }

    /// Weights 2 and 1: gcd 1, shift 0, turns 2 and 1, so per round A claims two slots and
    /// B one: 251 = 83 * 3 + 2 → A 168, B 83.
    @Test func populationFollowsTurns() {
        let table = SchedulerFixtures.table(weights: [2, 1])
        let mh = MaglevHashingScheduler(destinations: table, tableSize: 251, fallback: false, hashesPort: false)
        #expect(mh.lookup.filter { $0 == 0 }.count == 168)
        #expect(mh.lookup.filter { $0 == 1 }.count == 83)
        #expect(Array(mh.lookup.prefix(12)) == [0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1])
    }

    /// Lookups: 198.51.100.7 → slot 14 → B; 203.0.113.9 → 111 → A; 192.0.2.55 → 242 → B;
    /// with mh-port, 198.51.100.7:40000 → slot 18 → B.
    @Test func lookups() {
        let table = SchedulerFixtures.table(weights: [2, 1])
        var mh = MaglevHashingScheduler(destinations: table, tableSize: 251, fallback: false, hashesPort: false)
        let picks = ["198.51.100.7", "203.0.113.9", "192.0.2.55"].map {
            SchedulerFixtures.letter(mh.pick(from: table, for: SchedulerFixtures.request(client: $0)))
        }
        #expect(picks == ["B", "A", "B"])
        var withPort = MaglevHashingScheduler(destinations: table, tableSize: 251, fallback: false, hashesPort: true)
        #expect(SchedulerFixtures.letter(withPort.pick(from: table, for: SchedulerFixtures.request(port: 40000))) == "B")
    }

    /// Quiescing A (weight 0) keeps the table (last_weight stays 2); 203.0.113.9 then gets
    /// no destination, or with mh-fallback the first retry lands on B.
    @Test func quiesceKeepsTableAndFallback() {
        var table = SchedulerFixtures.table(weights: [2, 1])
        var strict = MaglevHashingScheduler(destinations: table, tableSize: 251, fallback: false, hashesPort: false)
        var fallback = MaglevHashingScheduler(destinations: table, tableSize: 251, fallback: true, hashesPort: false)
        let before = strict.lookup
        table.setWeight(0, of: 0)
        strict.destinationsChanged(table, removed: nil)
        fallback.destinationsChanged(table, removed: nil)
        #expect(strict.lookup == before)
        let request = SchedulerFixtures.request(client: "203.0.113.9")
        #expect(strict.pick(from: table, for: request) == nil)
        #expect(SchedulerFixtures.letter(fallback.pick(from: table, for: request)) == "B")
    }

    /// The default table is 4093 slots and every slot has an owner.
    @Test func defaultSize() {
        let table = SchedulerFixtures.table(weights: [1, 1, 1])
        let mh = MaglevHashingScheduler(destinations: table, tableSize: KernelProfile.default.maglevTableSize,
                                        fallback: false, hashesPort: false)
        #expect(mh.lookup.count == 4093 && !mh.lookup.contains(-1) && mh.tableBits == 6)
    }
}

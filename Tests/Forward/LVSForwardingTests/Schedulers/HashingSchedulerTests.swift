import LVSConfig
import LVSWire
import Testing
@testable import LVSForwarding

/// dh and sh. Bucket numbers were worked out with an independent script from the two
/// kernel formulas: low 8 bits of `key * 2654435761`, or `(key * 0x61C88647) >> 24`.
@Suite struct HashingSchedulerTests {
    /// sh weights A 2, B 1, C 1 fill buckets A A B C A A B C ...; 10.0.0.5 (0x0A000005)
    /// hashes to bucket 117 (low bits) → 117 % 4 = 1 → A, or 174 (hash_32) → 2 → B.
    @Test func sourceHashBucketsAndVariants() {
        let table = SchedulerFixtures.table(weights: [2, 1, 1])
        var low = SourceHashingScheduler(destinations: table, variant: .multiplicativeLowBits, fallback: false, hashesPort: false)
        var high = SourceHashingScheduler(destinations: table, variant: .hash32HighBits, fallback: false, hashesPort: false)
        #expect(Array(low.buckets.prefix(8)) == [0, 0, 1, 2, 0, 0, 1, 2])
        let request = SchedulerFixtures.request(client: "10.0.0.5")
        #expect(SchedulerFixtures.letter(low.pick(from: table, for: request)) == "A")
        #expect(SchedulerFixtures.letter(high.pick(from: table, for: request)) == "B")
    }

    /// sh-port adds the client port: 0x0A000005 + 1234 → bucket 167 (low) → 167 % 4 = 3 → C.
    @Test func sourceHashWithPort() {
        let table = SchedulerFixtures.table(weights: [2, 1, 1])
        var sh = SourceHashingScheduler(destinations: table, variant: .multiplicativeLowBits, fallback: false, hashesPort: true)
        #expect(SchedulerFixtures.letter(sh.pick(from: table, for: SchedulerFixtures.request(client: "10.0.0.5", port: 1234))) == "C")
    }

    /// IPv6 keys fold the four words: 2001:db8::5 → 0x20010dbd → bucket 173 (low) → A.
    @Test func sourceHashIPv6Fold() {
        let table = SchedulerFixtures.table(weights: [2, 1, 1])
        var sh = SourceHashingScheduler(destinations: table, variant: .multiplicativeLowBits, fallback: false, hashesPort: false)
        #expect(SchedulerHash.fold(IPAddress("2001:db8::5")!) == 0x2001_0DBD)
        #expect(SchedulerFixtures.letter(sh.pick(from: table, for: SchedulerFixtures.request(client: "2001:db8::5"))) == "A")
    }

    /// A weight-0 destination still owns one bucket: weights A 0, B 1, C 1 give A B C A B C.
    /// 10.0.0.5 → bucket 117 → 117 % 3 = 0 → A, unusable: no destination without
    /// sh-fallback. With it, step k looks at bucket (k + 2 * 117) & 255: 234 → A again,
    /// 235 → 235 % 3 = 1 → B.
    @Test func sourceHashWeightZeroAndFallback() {
        let table = SchedulerFixtures.table(weights: [0, 1, 1])
        var strict = SourceHashingScheduler(destinations: table, variant: .multiplicativeLowBits, fallback: false, hashesPort: false)
        var fallback = SourceHashingScheduler(destinations: table, variant: .multiplicativeLowBits, fallback: true, hashesPort: false)
        #expect(Array(strict.buckets.prefix(6)) == [0, 1, 2, 0, 1, 2])
        let request = SchedulerFixtures.request(client: "10.0.0.5")
        #expect(strict.pick(from: table, for: request) == nil)
        #expect(SchedulerFixtures.letter(fallback.pick(from: table, for: request)) == "B")
    }

    /// dh: one bucket per destination in turn (weights ignored). The packet's destination
    /// 198.51.100.7 → bucket 215 (low) → 215 % 3 = 2 → C; with hash_32 → 171 → 0 → A.
    @Test func destinationHash() {
        let table = SchedulerFixtures.table(weights: [5, 1, 1])
        var low = DestinationHashingScheduler(destinations: table, variant: .multiplicativeLowBits)
        var high = DestinationHashingScheduler(destinations: table, variant: .hash32HighBits)
        let request = SchedulerFixtures.request(vip: "198.51.100.7")
        #expect(Array(low.buckets.prefix(4)) == [0, 1, 2, 0])
        #expect(SchedulerFixtures.letter(low.pick(from: table, for: request)) == "C")
        #expect(SchedulerFixtures.letter(high.pick(from: table, for: request)) == "A")
        let quiesced = SchedulerFixtures.table(weights: [5, 1, 0])
        #expect(low.pick(from: quiesced, for: request) == nil)
    }

    /// Removing a destination rebuilds the buckets from the shorter list.
    @Test func rebuildOnRemoval() {
        var table = SchedulerFixtures.table(weights: [1, 1, 1])
        var dh = DestinationHashingScheduler(destinations: table, variant: .multiplicativeLowBits)
        table.remove(1)
        dh.destinationsChanged(table, removed: 1)
        #expect(Array(dh.buckets.prefix(4)) == [0, 2, 0, 2])
    }
}

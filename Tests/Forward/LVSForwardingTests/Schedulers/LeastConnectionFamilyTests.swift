import Testing
@testable import LVSForwarding

/// lc, wlc, sed, nq, fo, ovf: each expectation is the kernel rule applied by hand.
@Suite struct LeastConnectionFamilyTests {
    /// lc: overheads A = 1*256 = 256, B = 10, C = 10 → B (strict `<`, first of the tie).
    /// Weight 0 is skipped even with the smallest overhead.
    @Test func leastConnection() {
        var lc = LeastConnectionScheduler()
        let table = SchedulerFixtures.table(weights: [1, 1, 1, 0], active: [1, 0, 0, 0], inactive: [0, 10, 10, 0])
        #expect(SchedulerFixtures.letter(lc.pick(from: table, for: SchedulerFixtures.request())) == "B")
    }

    /// wlc: A 256/1, B 512/2, C 768/3 are equal ratios, the earlier wins → A. With B at 256
    /// and weight 2: 256*2 > 256*1 → B.
    @Test func weightedLeastConnection() {
        var wlc = WeightedLeastConnectionScheduler()
        let ties = SchedulerFixtures.table(weights: [1, 2, 3], active: [1, 2, 3])
        #expect(SchedulerFixtures.letter(wlc.pick(from: ties, for: SchedulerFixtures.request())) == "A")
        let lighter = SchedulerFixtures.table(weights: [1, 2], active: [1, 1])
        #expect(SchedulerFixtures.letter(wlc.pick(from: lighter, for: SchedulerFixtures.request())) == "B")
    }

    /// wlc takes the first usable destination as the start even when a later weight-0 one
    /// has no connections: weight 0 never wins the comparison (0 * loh is never greater).
    @Test func weightedLeastConnectionNeverPicksWeightZero() {
        var wlc = WeightedLeastConnectionScheduler()
        let table = SchedulerFixtures.table(weights: [0, 5, 0], active: [0, 9, 0])
        #expect(SchedulerFixtures.letter(wlc.pick(from: table, for: SchedulerFixtures.request())) == "B")
    }

    /// sed: (active + 1) / weight: A (1+1)/1 = 2, B (2+1)/3 = 1 → B; inactive ignored.
    @Test func shortestExpectedDelay() {
        var sed = ShortestExpectedDelayScheduler()
        let table = SchedulerFixtures.table(weights: [1, 3], active: [1, 2], inactive: [0, 500])
        #expect(SchedulerFixtures.letter(sed.pick(from: table, for: SchedulerFixtures.request())) == "B")
    }

    /// nq: the first usable destination with no active connection wins at once (B has
    /// weight 0, so C); without an idle one, the sed rule: A (2+1)/1 vs C (1+1)/4 → C.
    @Test func neverQueue() {
        var nq = NeverQueueScheduler()
        let idle = SchedulerFixtures.table(weights: [1, 0, 1], active: [2, 0, 0])
        #expect(SchedulerFixtures.letter(nq.pick(from: idle, for: SchedulerFixtures.request())) == "C")
        let busy = SchedulerFixtures.table(weights: [1, 0, 4], active: [2, 0, 1])
        #expect(SchedulerFixtures.letter(nq.pick(from: busy, for: SchedulerFixtures.request())) == "C")
    }

    /// fo: highest weight, first of a tie (B); with B overloaded, C.
    @Test func weightedFailover() {
        var fo = WeightedFailoverScheduler()
        var table = SchedulerFixtures.table(weights: [2, 5, 5], upper: [0, 1, 0])
        #expect(SchedulerFixtures.letter(fo.pick(from: table, for: SchedulerFixtures.request())) == "B")
        table.bind(1, template: false, inactive: true)
        #expect(SchedulerFixtures.letter(fo.pick(from: table, for: SchedulerFixtures.request())) == "C")
    }

    /// ovf: A (3) has 4 active > 3, skipped; B and C tie at 2, first wins → B. Once B has 3
    /// active (> 2) it overflows to C.
    @Test func weightedOverflow() {
        var ovf = WeightedOverflowScheduler()
        let table = SchedulerFixtures.table(weights: [3, 2, 2], active: [4, 1, 0])
        #expect(SchedulerFixtures.letter(ovf.pick(from: table, for: SchedulerFixtures.request())) == "B")
        let full = SchedulerFixtures.table(weights: [3, 2, 2], active: [4, 3, 0])
        #expect(SchedulerFixtures.letter(ovf.pick(from: full, for: SchedulerFixtures.request())) == "C")
    }

    /// Overload by threshold: upper 2 sets the flag at 2 connections; with no lower
    /// threshold it clears when total * 4 < upper * 3, i.e. at 1 connection.
    @Test func overloadThresholds() {
        var table = SchedulerFixtures.table(weights: [1], upper: [2])
        table.bind(0, template: false, inactive: true)
        #expect(!table.overloaded[0])
        table.bind(0, template: false, inactive: false)
        #expect(table.overloaded[0] && table.overhead(0) == 257)
        table.unbind(0, template: false, inactive: false)
        #expect(!table.overloaded[0])
    }
}

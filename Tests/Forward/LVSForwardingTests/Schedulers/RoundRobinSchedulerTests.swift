import Testing
@testable import LVSForwarding

@Suite struct RoundRobinSchedulerTests {
    /// ip_vs_rr.c walks on from the last pick and skips weight 0: A(1) B(0) C(2) gives
    /// A C A C ...; weights are otherwise ignored.
    @Test func skipsWeightZeroAndIgnoresWeights() {
        var rr = RoundRobinScheduler()
        let table = SchedulerFixtures.table(weights: [1, 0, 2])
        #expect(SchedulerFixtures.sequence(&rr, table, count: 6) == "ACACAC")
    }

    /// An overloaded destination is skipped like weight 0; with every destination unusable
    /// the pick fails and the cursor stays.
    @Test func skipsOverloadedAndFailsWhenNoneUsable() {
        var rr = RoundRobinScheduler()
        var table = SchedulerFixtures.table(weights: [1, 1, 1], upper: [1, 0, 0])
        table.bind(0, template: false, inactive: true)
        #expect(SchedulerFixtures.sequence(&rr, table, count: 4) == "BCBC")
        let none = SchedulerFixtures.table(weights: [0, 0])
        #expect(SchedulerFixtures.sequence(&rr, none, count: 2) == "--")
    }

    /// `ip_vs_rr_del_dest`: removing the last pick moves the cursor to the entry before it,
    /// so the walk continues with the entry after the removed one.
    @Test func removalMovesCursorBack() {
        var rr = RoundRobinScheduler()
        var table = SchedulerFixtures.table(weights: [1, 1, 1])
        #expect(SchedulerFixtures.sequence(&rr, table, count: 2) == "AB")
        table.remove(1)
        rr.destinationsChanged(table, removed: 1)
        #expect(SchedulerFixtures.sequence(&rr, table, count: 3) == "CAC")
    }
}

import Testing
@testable import LVSForwarding

@Suite struct WeightedRoundRobinSchedulerTests {
    /// Weights 4, 3, 2: gcd 1, mw 4. cw=4 passes A; cw=3 A B; cw=2 A B C; cw=1 A B C;
    /// then cw resets to 4: A A B A B C A B C, repeating.
    @Test func weights432() {
        var wrr = WeightedRoundRobinScheduler(destinations: SchedulerFixtures.table(weights: [4, 3, 2]))
        let table = SchedulerFixtures.table(weights: [4, 3, 2])
        #expect(SchedulerFixtures.sequence(&wrr, table, count: 18) == "AABABCABC" + "AABABCABC")
    }

    /// Weights 2, 4: gcd 2 so di = 2, mw = 4 - 1 = 3. cw=3: B; cw=1: A B; cw=-1 → 3: B ...
    /// giving B A B, B A B: B twice as often as A.
    @Test func gcdStepAndRoundedMaximum() {
        let table = SchedulerFixtures.table(weights: [2, 4])
        var wrr = WeightedRoundRobinScheduler(destinations: table)
        #expect(wrr.step == 2 && wrr.maximumWeight == 3)
        #expect(SchedulerFixtures.sequence(&wrr, table, count: 9) == "BABBABBAB")
    }

    /// Weight 0 in the middle is never chosen: 3, 0, 1 gives A A A C.
    @Test func weightZeroNeverChosen() {
        let table = SchedulerFixtures.table(weights: [3, 0, 1])
        var wrr = WeightedRoundRobinScheduler(destinations: table)
        #expect(SchedulerFixtures.sequence(&wrr, table, count: 8) == "AAACAAAC")
    }

    /// All weights 0: mw = 0, "no destination available" at once.
    @Test func allZero() {
        let table = SchedulerFixtures.table(weights: [0, 0])
        var wrr = WeightedRoundRobinScheduler(destinations: table)
        #expect(SchedulerFixtures.sequence(&wrr, table, count: 2) == "--")
    }

    /// With A (4) overloaded the walk finds B (3) once cw has dropped to 3, then follows the
    /// passes for B and C: cw=3 B; cw=2 B C; cw=1 B C; reset to 4 (restarted, from C's
    /// position: nothing at 4, cw=3 B) ...
    @Test func overloadedSkipped() {
        var table = SchedulerFixtures.table(weights: [4, 3, 2], upper: [1, 0, 0])
        table.bind(0, template: false, inactive: false)
        var wrr = WeightedRoundRobinScheduler(destinations: table)
        #expect(SchedulerFixtures.sequence(&wrr, table, count: 10) == "BBCBCBBCBC")
    }

    /// `ip_vs_wrr_dest_changed`: back to the head; cw kept when valid (here 4 > new mw 2,
    /// so it resets to mw).
    @Test func weightChangeResets() {
        var table = SchedulerFixtures.table(weights: [4, 3, 2])
        var wrr = WeightedRoundRobinScheduler(destinations: table)
        #expect(SchedulerFixtures.sequence(&wrr, table, count: 1) == "A")
        table.setWeight(2, of: 0)
        table.setWeight(2, of: 1)
        wrr.destinationsChanged(table, removed: nil)
        #expect(wrr.step == 2 && wrr.maximumWeight == 1 && wrr.currentWeight == 1 && wrr.cursor == nil)
        #expect(SchedulerFixtures.sequence(&wrr, table, count: 6) == "ABCABC")
    }
}

import Testing
@testable import LVSForwarding

@Suite struct TwoChoicesSchedulerTests {
    /// SplitMix64 with seed 1234567 gives the reference outputs of Vigna's splitmix64.c.
    @Test func generatorMatchesReference() {
        var generator = SeededGenerator(seed: 1_234_567)
        let outputs = (0..<5).map { _ in generator.next() }
        #expect(outputs == [6457827717110365317, 3203168211198807973, 9817491932198370423,
                            4593380528125082431, 16408922859458223821])
    }

    /// Seed 1: the first two 32-bit draws are 2433363436 and 3203108257 (top halves of the
    /// SplitMix64 outputs, worked out with an independent script). Weights A 1, B 2, C 1
    /// give total 4 + 1 = 5, so r1 = 1 and r2 = 2. Walking: A takes r1 to 0 (choice 1 = A),
    /// r2 to 1; B takes r2 to -1 (choice 2 = B). Overheads A 256 (one active), B 0:
    /// 2 * 256 > 1 * 0 → B. With B more loaded than A relative to weight, A.
    @Test func comparesTheTwoDraws() {
        var twos = TwoChoicesScheduler(generator: SeededGenerator(seed: 1))
        let table = SchedulerFixtures.table(weights: [1, 2, 1], active: [1, 0, 0])
        #expect(SchedulerFixtures.letter(twos.pick(from: table, for: SchedulerFixtures.request())) == "B")
        var again = TwoChoicesScheduler(generator: SeededGenerator(seed: 1))
        let loaded = SchedulerFixtures.table(weights: [1, 2, 1], active: [0, 3, 0])
        #expect(SchedulerFixtures.letter(again.pick(from: loaded, for: SchedulerFixtures.request())) == "A")
    }

    /// Only usable destinations are drawn; none usable → no destination.
    @Test func onlyUsable() {
        var twos = TwoChoicesScheduler(generator: SeededGenerator(seed: 1))
        let one = SchedulerFixtures.table(weights: [0, 3, 0])
        #expect(SchedulerFixtures.sequence(&twos, one, count: 5) == "BBBBB")
        #expect(SchedulerFixtures.sequence(&twos, SchedulerFixtures.table(weights: [0]), count: 1) == "-")
    }
}

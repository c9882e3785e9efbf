import Testing
@testable import LVSForwarding

@Suite struct LocalitySchedulerTests {
    /// lblc: the first request for a destination address takes the wlc pick and caches it;
    /// later requests keep it while it is not "overloaded" (active > weight with some server
    /// below half its weight), even when another server is now less loaded.
    @Test func lblcCachesPerDestinationAddress() {
        var lblc = LocalityBasedLeastConnectionScheduler()
        let empty = SchedulerFixtures.table(weights: [1, 1])
        #expect(lblc.pick(from: empty, for: SchedulerFixtures.request()) == 0)
        let busier = SchedulerFixtures.table(weights: [1, 1], active: [1, 0])
        #expect(lblc.pick(from: busier, for: SchedulerFixtures.request(second: 1)) == 0)
        // Another destination address has its own entry: wlc picks B (A is busier).
        #expect(lblc.pick(from: busier, for: SchedulerFixtures.request(vip: "192.0.2.20", second: 2)) == 1)
        // A at 2 active > weight 1 while B (0 active) is below half of its weight 1? 0*2 < 1 → yes.
        let overloaded = SchedulerFixtures.table(weights: [1, 1], active: [2, 0])
        #expect(lblc.pick(from: overloaded, for: SchedulerFixtures.request(second: 3)) == 1)
        #expect(lblc.cachedEntries == 2)
    }

    /// The 24 h full sweep runs at every 30th 60-second check (checks are due 60 s apart
    /// from the first request; the counter starts at 1, so sweeps fall on checks 30, 60, ...
    /// i.e. every 30 minutes). An entry last used at t=0 is still cached at t=86 340 s; the
    /// sweep at t=86 400 s removes an entry unused since t=0, and the re-pick follows the
    /// current loads.
    @Test func lblcExpiresOnCaptureTime() {
        let table = SchedulerFixtures.table(weights: [1, 1])
        let loaded = SchedulerFixtures.table(weights: [1, 1], active: [1, 0])
        var kept = LocalityBasedLeastConnectionScheduler()
        #expect(kept.pick(from: table, for: SchedulerFixtures.request()) == 0)
        #expect(kept.pick(from: loaded, for: SchedulerFixtures.request(second: 86_340)) == 0)
        var expired = LocalityBasedLeastConnectionScheduler()
        #expect(expired.pick(from: table, for: SchedulerFixtures.request()) == 0)
        #expect(expired.pick(from: loaded, for: SchedulerFixtures.request(second: 86_400 + 1_700)) == 1)
        #expect(expired.cachedEntries == 1)
    }

    /// lblcr: a set per destination address, least loaded member first; an "overloaded"
    /// member makes the scheduler add the wlc choice to the set (newest first).
    @Test func lblcrGrowsTheSet() {
        var lblcr = LocalityBasedLeastConnectionReplicationScheduler()
        let empty = SchedulerFixtures.table(weights: [1, 1, 1])
        #expect(lblcr.pick(from: empty, for: SchedulerFixtures.request()) == 0)
        let overloaded = SchedulerFixtures.table(weights: [1, 1, 1], active: [2, 1, 0])
        #expect(lblcr.pick(from: overloaded, for: SchedulerFixtures.request(second: 1)) == 2)
        #expect(lblcr.members(for: .v4(.init(192, 0, 2, 10))) == [2, 0])
        // C (0 active) is now the least loaded member and not overloaded.
        #expect(lblcr.pick(from: overloaded, for: SchedulerFixtures.request(second: 2)) == 2)
    }

    /// A set with more than one member that was not modified for 24 h loses its most
    /// loaded member (the removal happens after the least loaded one was picked).
    @Test func lblcrShrinksStaleSets() {
        var lblcr = LocalityBasedLeastConnectionReplicationScheduler()
        #expect(lblcr.pick(from: SchedulerFixtures.table(weights: [1, 1]), for: SchedulerFixtures.request()) == 0)
        let overloaded = SchedulerFixtures.table(weights: [1, 1], active: [2, 0])
        #expect(lblcr.pick(from: overloaded, for: SchedulerFixtures.request(second: 1)) == 1)
        // Used every hour so the cache entry stays; the set itself is unmodified after t=1.
        let calm = SchedulerFixtures.table(weights: [1, 1], active: [1, 0])
        for hour in 1...24 {
            _ = lblcr.pick(from: calm, for: SchedulerFixtures.request(second: Int64(hour * 3600 - 60)))
        }
        #expect(lblcr.members(for: .v4(.init(192, 0, 2, 10))) == [1, 0])
        #expect(lblcr.pick(from: calm, for: SchedulerFixtures.request(second: 86_402)) == 1)
        #expect(lblcr.members(for: .v4(.init(192, 0, 2, 10))) == [1])
    }
}

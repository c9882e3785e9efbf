import LVSWire
import Testing
@testable import LVSForwarding

/// The connection table on its own: both lookups, removal and slot reuse, the timers on
/// capture time (equal deadlines, re-arming later and earlier), growth past the indexes'
/// first capacity.
@Suite struct ConnectionTableTests {
    static let client = IPAddress("198.51.100.7")!
    static let vip = IPAddress("192.0.2.10")!
    static let rip = IPAddress("10.1.0.11")!
    static let start = Timestamp(seconds: 1_700_000_000, nanoseconds: 0)
    static let second: Int64 = 1_000_000_000

    /// A NAT entry for client port `port` created at `now` (its first timer: now + 3 s).
    static func entry(port: UInt16, now: Timestamp = start, client: IPAddress = client) -> Connection {
        Connection(ipProtocol: .tcp, client: client, clientPort: port, virtual: vip, virtualPort: 80, real: rip,
                   realPort: 8080, mode: .nat, flags: [], service: 0, destination: 0, now: now)
    }

    static func inboundKey(_ port: UInt16, client: IPAddress = client) -> FlowKey {
        FlowKey(.tcp, client, port, vip, 80)
    }

    static func outboundKey(_ port: UInt16, client: IPAddress = client) -> FlowKey {
        FlowKey(.tcp, rip, 8080, client, port)
    }

    /// Every slot whose timer fires by `time`, in firing order, with the firing times.
    static func expired(_ table: inout ConnectionTable, upTo time: Timestamp) -> [(Int32, Timestamp)] {
        var fired: [(Int32, Timestamp)] = []
        while let next = table.nextExpired(upTo: time) { fired.append(next) }
        return fired
    }

    @Test func looksUpBothDirections() {
        var table = ConnectionTable()
        let slot = table.add(Self.entry(port: 40000), hashed: true)
        #expect(table.inbound(Self.inboundKey(40000)) == slot)
        #expect(table.outbound(Self.outboundKey(40000)) == slot)
        // Each key only in its own direction, and no other port.
        #expect(table.outbound(Self.inboundKey(40000)) == nil)
        #expect(table.inbound(Self.outboundKey(40000)) == nil)
        #expect(table.inbound(Self.inboundKey(40001)) == nil)
        #expect(table.liveCount == 1)
        #expect(table[slot].clientPort == 40000)
    }

    @Test func oneShotEntriesAreNotIndexed() {
        var table = ConnectionTable()
        let slot = table.add(Self.entry(port: 40000), hashed: false)
        #expect(table.isLive(slot))
        #expect(table.inbound(Self.inboundKey(40000)) == nil)
        #expect(table.outbound(Self.outboundKey(40000)) == nil)
    }

    @Test func removalUnlinksAndTheSlotIsReused() {
        var table = ConnectionTable()
        let first = table.add(Self.entry(port: 40000), hashed: true)
        let kept = table.add(Self.entry(port: 40001), hashed: true)
        table.remove(first)
        #expect(!table.isLive(first))
        #expect(table.liveCount == 1)
        #expect(table.inbound(Self.inboundKey(40000)) == nil)
        #expect(table.outbound(Self.outboundKey(40000)) == nil)
        #expect(table.inbound(Self.inboundKey(40001)) == kept)
        // The freed slot holds the next entry; the removed entry's timer does not fire for it.
        let reused = table.add(Self.entry(port: 40002, now: Self.start.adding(nanoseconds: 10 * Self.second)),
                               hashed: true)
        #expect(reused == first)
        #expect(table.inbound(Self.inboundKey(40002)) == reused)
        let fired = Self.expired(&table, upTo: Self.start.adding(nanoseconds: 5 * Self.second))
        #expect(fired.map(\.0) == [kept])
    }

    /// Two entries on one key: the newer wins the lookup (head-inserted hash chains), and
    /// removing the older one leaves the newer indexed.
    @Test func newerEntryWinsASharedKey() {
        var table = ConnectionTable()
        let older = table.add(Self.entry(port: 40000), hashed: true)
        let newer = table.add(Self.entry(port: 40000), hashed: true)
        #expect(table.inbound(Self.inboundKey(40000)) == newer)
        table.remove(older)
        #expect(table.inbound(Self.inboundKey(40000)) == newer)
        #expect(table.outbound(Self.outboundKey(40000)) == newer)
        table.remove(newer)
        #expect(table.inbound(Self.inboundKey(40000)) == nil)
    }

    /// Timers fire in capture-time order; entries sharing a deadline all fire at it, none
    /// earlier, and before any later deadline.
    @Test func timersFireInCaptureTimeOrder() {
        var table = ConnectionTable()
        let late = table.add(Self.entry(port: 1, now: Self.start.adding(nanoseconds: 2 * Self.second)), hashed: true)
        let tiedA = table.add(Self.entry(port: 2), hashed: true)
        let tiedB = table.add(Self.entry(port: 3), hashed: true)
        let early = table.add(Self.entry(port: 4, now: Self.start.adding(nanoseconds: -Self.second)), hashed: true)
        let deadline = Self.start.adding(nanoseconds: 3 * Self.second)
        #expect(Self.expired(&table, upTo: deadline.adding(nanoseconds: -Self.second - 1)).isEmpty)
        #expect(Self.expired(&table, upTo: deadline.adding(nanoseconds: -1)).map(\.0) == [early])
        let tied = Self.expired(&table, upTo: deadline)
        #expect(Set(tied.map(\.0)) == [tiedA, tiedB])
        #expect(tied.allSatisfy { $0.1 == deadline })
        let last = Self.expired(&table, upTo: deadline.adding(nanoseconds: 10 * Self.second))
        #expect(last.map(\.0) == [late])
        #expect(last.first?.1 == deadline.adding(nanoseconds: 2 * Self.second))
    }

    /// A later expiry keeps the queued timer, which re-queues itself when it surfaces; an
    /// earlier one queues a new timer, and the old one is ignored.
    @Test func rearmingLaterAndEarlier() {
        var table = ConnectionTable()
        let slot = table.add(Self.entry(port: 40000), hashed: true)
        let first = Self.start.adding(nanoseconds: 3 * Self.second)
        let later = Self.start.adding(nanoseconds: 60 * Self.second)
        table[slot].expiry = later
        table.schedule(slot)
        #expect(Self.expired(&table, upTo: first).isEmpty)
        let fired = Self.expired(&table, upTo: later)
        #expect(fired.count == 1)
        #expect(fired.first?.0 == slot)
        #expect(fired.first?.1 == later)

        let other = table.add(Self.entry(port: 40001, now: later), hashed: true)
        let earlier = later.adding(nanoseconds: Self.second)
        table[other].expiry = earlier
        table.schedule(other)
        let once = Self.expired(&table, upTo: later.adding(nanoseconds: 100 * Self.second))
        #expect(once.map(\.0) == [other])
        #expect(once.first?.1 == earlier)
    }

    /// Thousands of entries from many clients: far past the indexes' first capacity, every
    /// lookup still finds its own slot, removals leave the rest reachable.
    @Test func growsPastTheInitialCapacity() {
        var table = ConnectionTable()
        var slots: [Int32] = []
        let count = 5 * FlowIndex.initialCapacity
        func client(_ i: Int) -> IPAddress { .v4(IPv4Address(rawValue: 0xC612_0000 | UInt32(i / 1000))) }
        for i in 0..<count {
            slots.append(table.add(Self.entry(port: UInt16(10000 + i % 1000), client: client(i)), hashed: true))
        }
        #expect(table.liveCount == count)
        for i in 0..<count {
            let port = UInt16(10000 + i % 1000)
            #expect(table.inbound(Self.inboundKey(port, client: client(i))) == slots[i])
            #expect(table.outbound(Self.outboundKey(port, client: client(i))) == slots[i])
        }
        for i in stride(from: 0, to: count, by: 2) { table.remove(slots[i]) }
        #expect(table.liveCount == count / 2)
        for i in 0..<count {
            let port = UInt16(10000 + i % 1000)
            let expected: Int32? = i % 2 == 0 ? nil : slots[i]
            #expect(table.inbound(Self.inboundKey(port, client: client(i))) == expected)
            #expect(table.outbound(Self.outboundKey(port, client: client(i))) == expected)
        }
        #expect(table.entries.count == count / 2)
    }
}

import LVSWire
import Testing
@testable import LVSForwarding

/// The connection table's index against a Dictionary on a seeded random sequence of sets
/// and removals, with keys drawn from a small space so that probe runs collide, wrap
/// around the end of the columns and are repaired by backward-shift deletion.
@Suite struct FlowIndexTests {
    static func key(_ n: UInt64) -> FlowKey {
        let client = IPAddress.v4(IPv4Address(rawValue: 0xC612_0000 | UInt32(n % 64)))
        return FlowKey(.tcp, client, UInt16(n / 64), .v4(IPv4Address(rawValue: 0xC000_020A)), 80)
    }

    @Test func agreesWithADictionary() {
        var random = SeededGenerator(seed: 7)
        var index = FlowIndex()
        var reference: [UInt64: Int32] = [:]
        for step in 0..<50_000 {
            let n = random.next() % 3_000
            let slot = Int32(step)
            switch random.next() % 4 {
            case 0, 1:
                index.set(Self.key(n), slot)
                reference[n] = slot
            case 2:
                // Removal only when the slot matches, as for a displaced entry.
                let current = reference[n] ?? -2
                index.remove(Self.key(n), ifSlot: current)
                reference[n] = nil
            default:
                index.remove(Self.key(n), ifSlot: -3)
            }
            if step % 5_000 == 0 || step == 49_999 {
                #expect(index.count == reference.count)
                let disagreeing = (0..<3_000 as Range<UInt64>).filter { index.find(Self.key($0)) != reference[$0] }
                #expect(disagreeing.isEmpty, "step \(step)")
            }
        }
        #expect(index.capacity >= 2 * index.count)
    }

    @Test func emptyIndexFindsNothing() {
        var index = FlowIndex()
        #expect(index.find(Self.key(1)) == nil)
        index.remove(Self.key(1), ifSlot: 0)
        #expect(index.count == 0)
        index.set(Self.key(1), 5)
        index.set(Self.key(1), 6)
        #expect(index.count == 1)
        #expect(index.find(Self.key(1)) == 6)
        index.remove(Self.key(1), ifSlot: 5)
        #expect(index.find(Self.key(1)) == 6)
        index.remove(Self.key(1), ifSlot: 6)
        #expect(index.find(Self.key(1)) == nil)
    }
}

import LVSFlows
import Testing

/// A flow record keeps frame numbers and small counts in 32 bits, option rooms in a byte
/// (as the tracker does): its public `Int` properties read back what was set within that
/// range, nil where nil was set, and clamp outside it.
@Suite struct RecordStorageTests {
    @Test("frames, counts and option rooms read back what was set")
    func roundTrips() throws {
        let scenario = try #require(try LabScenario.all().first { $0.name == "nat-ok" })
        var record = try #require(try FlowCollector.collect(scenario.inputs()).records.first { $0.isTCPAttempt })
        #expect(record.synFrame != nil && record.firstFrame >= 1 && record.lastFrame >= record.firstFrame)
        for frame in [nil, 1, 7, Int(UInt32.max)] as [Int?] {
            record.synFrame = frame
            record.synAckFrame = frame
            record.firstDataFrame = frame
            record.firstResetFrame = frame
            #expect(record.synFrame == frame && record.synAckFrame == frame)
            #expect(record.firstDataFrame == frame && record.firstResetFrame == frame)
        }
        record.firstFrame = 3
        record.lastFrame = 1_000_000
        #expect(record.firstFrame == 3 && record.lastFrame == 1_000_000)
        for room in [nil, 0, 8, 40] as [Int?] {
            record.optionRoomSYN = room
            record.optionRoomHandshakeACK = room
            #expect(record.optionRoomSYN == room && record.optionRoomHandshakeACK == room)
        }
        record.forwardedCopies = 12
        record.otherLegPackets = 3
        record.orig.packets = 41
        record.resp.retransmissions = 2
        record.resp.offloadedChecksums = 9
        #expect(record.forwardedCopies == 12 && record.otherLegPackets == 3)
        #expect(record.orig.packets == 41 && record.resp.retransmissions == 2 && record.resp.offloadedChecksums == 9)
        // Outside 32 bits: clamped, as the tracker's own counters would have stopped there.
        record.orig.packets = -1
        record.resp.packets = Int.max
        record.synFrame = Int.max
        #expect(record.orig.packets == 0 && record.resp.packets == Int(UInt32.max))
        #expect(record.synFrame == Int(UInt32.max))
    }
}

extension FlowRecord {
    fileprivate var isTCPAttempt: Bool { protocolNumber == .tcp && synFrame != nil }
}

import Testing
import LVSWire

@Suite struct SequenceNumberTests {
    @Test func wrapsArithmetic() {
        let near = SequenceNumber(0xFFFF_FFF0)
        #expect((near + 0x20).rawValue == 0x10)
        #expect((SequenceNumber(0x10) - 0x20).rawValue == 0xFFFF_FFF0)
        var value = near
        value += 0x10
        #expect(value.rawValue == 0)
        value -= 1
        #expect(value.rawValue == 0xFFFF_FFFF)
    }

    @Test func comparesAcrossTheWrap() {
        let before = SequenceNumber(0xFFFF_FF00)
        let after = SequenceNumber(0x0000_0100)
        #expect(before < after)
        #expect(!(after < before))
        #expect(after > before)
        #expect(after.distance(from: before) == 0x200)
        #expect(before.distance(from: after) == -0x200)
        #expect(max(before, after) == after)
        #expect(!(before < before))
        // Half the space apart is the RFC 1982 undefined case: neither is "before".
        let half = SequenceNumber(0x8000_0000)
        #expect(!(SequenceNumber(0) < half) && !(half < SequenceNumber(0)))
    }

    @Test func carriesFullNATDelta() {
        // FULL-NAT: the director's ISN replaces the client's; inbound seq += delta,
        // outbound ack -= delta (lvs-reference §2.4), whatever the wrap.
        let clientISN = SequenceNumber(0xFFFF_FFF0)
        let directorISN = SequenceNumber(0x0000_1000)
        let delta = directorISN - clientISN
        #expect(delta == 0x1010)
        let clientSeq = clientISN + 1000
        let rewritten = clientSeq + delta
        #expect(rewritten == directorISN + 1000)
        #expect(rewritten - delta == clientSeq)
    }
}

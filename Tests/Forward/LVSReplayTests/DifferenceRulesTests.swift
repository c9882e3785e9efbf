import LVSTestSupport
import LVSWire
import Testing
@testable import LVSReplay

/// Which differences the diff reports: a field that others explain (a checksum over a
/// differing field, lengths and the option layout around a differing option) is left out;
/// the two ones' complement zeros are the same checksum.
@Suite struct DifferenceRulesTests {
    static func fields(_ pairs: [(String, String)]) -> FrameFields {
        var fields = FrameFields()
        for (name, value) in pairs { fields.add(name, value) }
        return fields
    }

    @Test func checksumsFollowTheirFields() {
        let expected = Self.fields([("ip.dst", "192.0.2.11"), ("ip.checksum", "0x1234"), ("tcp.dport", "80"),
                                    ("tcp.checksum", "0xaaaa")])
        let observed = Self.fields([("ip.dst", "192.0.2.12"), ("ip.checksum", "0x1233"), ("tcp.dport", "80"),
                                    ("tcp.checksum", "0xaaab")])
        #expect(Comparator.rawDifferences(expected, observed).map(\.field) == ["ip.dst"])
        let checksumOnly = Self.fields([("ip.dst", "192.0.2.11"), ("ip.checksum", "0x1234"), ("tcp.dport", "80"),
                                        ("tcp.checksum", "0xaaab")])
        #expect(Comparator.rawDifferences(expected, checksumOnly).map(\.field) == ["tcp.checksum"])
    }

    @Test func optionsExplainLengths() {
        let expected = Self.fields([("ip.len", "60"), ("tcp.hlen", "40"), ("tcp.options", "toa,nop,nop,ts"),
                                    ("tcp.options.toa", "254 203.0.113.10:4000"), ("tcp.checksum", "0x1")])
        let observed = Self.fields([("ip.len", "52"), ("tcp.hlen", "32"), ("tcp.options", "nop,nop,ts"),
                                    ("tcp.options.toa", "-"), ("tcp.checksum", "0x2")])
        #expect(Comparator.rawDifferences(expected, observed).map(\.field) == ["tcp.options.toa"])
    }

    /// A cooked capture has no destination MAC: not a difference.
    @Test func missingLinkFieldsAreNotCompared() {
        let expected = Self.fields([("eth.src", "02:00:00:00:02:02"), ("eth.dst", "02:00:00:00:03:01"),
                                    ("ip.ttl", "63")])
        let observed = Self.fields([("eth.src", "02:00:00:00:02:02"), ("ip.ttl", "63")])
        #expect(Comparator.rawDifferences(expected, observed).isEmpty)
    }

    @Test func zeroSpellings() {
        let tcp = FieldDifference(field: "tcp.checksum", expected: "0x0000", observed: "0xffff", kind: .rewrite)
        let udp = FieldDifference(field: "udp.checksum", expected: "0x0000", observed: "0xffff", kind: .rewrite)
        #expect(Comparator.isZeroSpelling(tcp))
        #expect(!Comparator.isZeroSpelling(udp))
    }
}

/// The same packet captured at two input points is fed once; a second copy at the same
/// point (a duplicate on the wire) and a copy outside the window are fed again.
@Suite struct DuplicateFilterTests {
    static let identity = DuplicateFilter.Identity(
        key: AlignmentKey(version: 4, proto: 6, identification: 7, flags: 2, payloadLength: 0, digest: 1),
        source: IPAddress("203.0.113.10")!, destination: IPAddress("198.51.100.10")!, ports: 1, sequence: 2,
        acknowledgement: 0)

    @Test func feedsEachPacketOnce() {
        var filter = DuplicateFilter(window: 1_000)
        let t = Timestamp(rawValue: 10_000)
        var copies: [Bool] = []
        for (point, offset) in [(0, 0), (1, 10), (0, 20), (1, 30), (1, 5_000)] as [(Int, Int64)] {
            copies.append(filter.isCopy(Self.identity, point: point, time: t.adding(nanoseconds: offset)))
        }
        // Fed, copy; a retransmission at point 0, its copy at point 1; outside the window: new.
        #expect(copies == [false, true, false, true, false])
    }
}

import LVSCapture
import LVSFlows
import LVScope
import LVSReport
import LVSTestSupport
import LVSWire
import Testing

/// The byte-level flow line on values the lab captures do not reach: a real record from
/// nat-ok, edited field by field (negative and extreme times, huge counts, VLAN pairs,
/// TOA, MSS halves, every rewrite, IPv6 and odd addresses, sub-points and names that need
/// escaping). Each edited line must equal the String path, and a few fields are also
/// checked against their literal text so that both paths cannot drift together.
@Suite struct FlowFieldsBytesTests {
    typealias Edit = @Sendable (inout FlowRecord) -> Void

    static let edits: [(String, Edit)] = [
        ("negative first time", { times(&$0, -1_500_000_001, 0) }),
        ("zero times", { times(&$0, 0, 0) }),
        ("negative duration", { times(&$0, 10_000_000_000, 9_500_000_000) }),
        ("Int64.min time", { times(&$0, .min, .min) }),
        ("Int64.max time", { times(&$0, .max, .max) }),
        ("huge counts", { r in
            r.orig.packets = .max; r.orig.payloadBytes = .max - 1; r.orig.ipBytes = 1_000_000_000_000
            r.resp.packets = 0; r.resp.payloadBytes = .min; r.resp.ipBytes = 99
            r.orig.retransmissions = .max; r.resp.retransmissions = 0; r.forwardedCopies = .max
        }),
        ("VLAN pair", { $0.outerVLAN = 100; $0.innerVLAN = 4095 }),
        ("inner VLAN only", { $0.outerVLAN = nil; $0.innerVLAN = 0 }),
        ("outer VLAN only", { $0.outerVLAN = 7; $0.innerVLAN = nil }),
        ("TOA IPv4", { r in
            let option = TOAOption(kind: 254, port: 65535, address: .v4(IPv4Address(1, 2, 3, 4)))
            r.toa = TOAObservation(option: option, placements: [.syn, .handshakeACK], packets: 2, malformed: 1)
        }),
        ("TOA IPv6", { r in
            let option = TOAOption(kind: 253, port: 0, address: address("2001:db8::7"))
            r.toa = TOAObservation(option: option, placements: .other, packets: 1, malformed: 0)
        }),
        ("TOA malformed", { $0.toa = TOAObservation(option: nil, placements: [], packets: 0, malformed: 3) }),
        ("MSS orig only", { $0.orig.mss = 0; $0.resp.mss = nil }),
        ("MSS resp only", { $0.orig.mss = nil; $0.resp.mss = 65535 }),
        ("no MSS", { $0.orig.mss = nil; $0.resp.mss = nil }),
        ("IPv6", { $0.origAddress = address("2001:db8::1"); $0.respAddress = address("::ffff:192.0.2.1") }),
        ("extreme IPv4", { $0.origAddress = address("0.0.0.0"); $0.respAddress = address("255.255.255.255") }),
        ("MACs", { $0.orig.mac = .broadcast; $0.resp.mac = .zero }),
        ("no MACs", { $0.orig.mac = nil; $0.resp.mac = nil; $0.linkLegs = [] }),
        ("sub-point", { $0.point = CapturePointName(point: "director-any", interface: "eth1") }),
        ("point with a tab", { $0.point = CapturePointName(point: "a\tb", interface: "eth0") }),
        ("interface with a newline", { $0.point = CapturePointName(point: "p", interface: "if\n1") }),
        ("no history, unknown protocol", { $0.history = ""; $0.protocolNumber = IPProtocol(rawValue: 99) }),
        ("ICMP, rejected", { $0.protocolNumber = .icmp; $0.origPort = 8; $0.respPort = 0; $0.state = .rej }),
        ("largest uid", { $0.uid = FlowUID(rawValue: .max) }),
    ]

    static func times(_ r: inout FlowRecord, _ first: Int64, _ last: Int64) {
        r.firstTime = Timestamp(rawValue: first)
        r.lastTime = Timestamp(rawValue: last)
    }

    /// The test's own literals; a typo shows as a wrong field, not a crash.
    static func address(_ text: String) -> IPAddress {
        IPAddress(text) ?? .v4(IPv4Address(rawValue: 0))
    }

    /// The first client-side TCP record of nat-ok, edited by each case in turn, each with
    /// its own uid; every other one belongs to a connection whose rewrites cycle through
    /// none, one field and every field.
    static func records() throws -> ([FlowRecord], CorrelationResult) {
        let result = try FlowAnalysis.run(try FlowListingTests.inputs("nat-ok"))
        let base = try #require(result.collection.records.first { $0.protocolNumber == .tcp && $0.toa == nil })
        var records: [FlowRecord] = []
        var membership: [FlowUID: (connection: Int, rewrites: Rewrite)] = [:]
        let rewrites = [Rewrite(), .dstMAC, Rewrite(rawValue: 0x1FF)]
        for (i, (_, edit)) in edits.enumerated() {
            var record = base
            record.uid = FlowUID(rawValue: UInt64(i))
            edit(&record)
            records.append(record)
            if i % 2 == 1 { membership[record.uid] = (0, rewrites[i / 2 % 3]) }
        }
        let connection = ServiceConnection(id: "SABCDEFGHIJKLM", legs: [], evidence: .syn)
        return (records, CorrelationResult(reference: 0, referencePoint: "client", clockOffsets: [],
                                           connections: [connection], membership: membership,
                                           members: records.map { membership[$0.uid] },
                                           memberUIDs: records.map(\.uid)))
    }

    @Test("edited records: the byte path equals the String path")
    func editedRecords() throws {
        let (records, correlation) = try Self.records()
        let (bytes, strings) = try FlowListingTests.bothPaths(records, correlation)
        #expect(bytes.count == Self.edits.count)
        for (i, (name, _)) in Self.edits.enumerated() where i < bytes.count {
            #expect(bytes[i] == strings[i], "\(name)")
        }
    }

    @Test("edited records: the literal text of the fields they reach")
    func literalFields() throws {
        let (records, correlation) = try Self.records()
        let lines = try FlowListingTests.bothPaths(records, correlation).bytes
        func field(_ name: String, _ column: String) -> String? {
            guard let row = Self.edits.firstIndex(where: { $0.0 == name }), row < lines.count,
                  let index = FlowFields.columns.firstIndex(of: column) else { return nil }
            let fields = lines[row].split(separator: "\t", omittingEmptySubsequences: false)
            return fields.count == FlowFields.columns.count ? String(fields[index]) : nil
        }
        #expect(field("negative first time", "ts") == "-1.500000001")
        #expect(field("negative first time", "duration") == "1.500000001")
        #expect(field("negative duration", "duration") == "-0.500000000")
        #expect(field("Int64.min time", "ts") == "-9223372036.854775808")
        #expect(field("Int64.max time", "ts") == "9223372036.854775807")
        // Packet counts are kept in 32 bits, as the tracker counts them: Int.max clamps.
        #expect(field("huge counts", "orig_pkts") == "4294967295")
        #expect(field("huge counts", "orig_bytes") == "9223372036854775806")
        #expect(field("huge counts", "resp_bytes") == "-9223372036854775808")
        #expect(field("VLAN pair", "vlan") == "100/4095")
        #expect(field("inner VLAN only", "vlan") == "0")
        #expect(field("TOA IPv4", "toa") == "254:1.2.3.4:65535@syn+ack+malformed")
        #expect(field("MSS resp only", "mss") == "-/65535")
        #expect(field("IPv6", "resp_h") == "::ffff:192.0.2.1")
        #expect(field("extreme IPv4", "resp_h") == "255.255.255.255")
        #expect(field("MACs", "orig_mac") == "ff:ff:ff:ff:ff:ff")
        #expect(field("no MACs", "resp_mac") == "-")
        #expect(field("point with a tab", "point") == "a\\tb/eth0")
        #expect(field("interface with a newline", "point") == "p/if\\n1")
        #expect(field("no history, unknown protocol", "proto") == "proto-99")
        #expect(field("largest uid", "uid") == "CP777777777777")
        // Rows 1, 3, 5 are members with no rewrite, dstMAC, and every field.
        #expect(field("zero times", "rewrites") == "-" && field("zero times", "connection") == "SABCDEFGHIJKLM")
        #expect(field("Int64.min time", "rewrites") == "dstMAC")
        #expect(field("huge counts", "rewrites") == "srcIP,dstIP,srcPort,dstPort,srcMAC,dstMAC,ttl,encapsulated,seq")
        #expect(field("negative first time", "connection") == "-")
    }
}

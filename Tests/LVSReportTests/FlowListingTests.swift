import Foundation
import LVSCapture
import LVSFlows
import LVScope
import LVSReport
import LVSTestSupport
import Testing

/// `lvscope flows` output: the documented header, and byte-identical output on a rerun.
@Suite struct FlowListingTests {
    static func inputs(_ scenario: String) throws -> [CaptureInput] {
        let folder = try FixturePaths.repositoryRoot().appendingPathComponent("Fixtures/captures/\(scenario)")
        return ["client", "director-eth0", "director-any", "rs1", "rs2"].compactMap { point in
            let path = folder.appendingPathComponent("\(point).pcap").path
            return FileManager.default.fileExists(atPath: path) ? CaptureInput(point: point, path: path) : nil
        }
    }

    static func render(_ scenario: String, _ format: FlowListingFormat, to path: String) throws -> String {
        let result = try FlowAnalysis.run(try inputs(scenario))
        let sink = try OutputSink(path: path)
        try FlowListing(format: format, sink: sink).write(records: result.collection.records,
                                                          correlation: result.correlation)
        try sink.flush()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test("TSV and JSON are byte-identical across runs", arguments: [FlowListingFormat.tsv, .json])
    func stable(_ format: FlowListingFormat) throws {
        let temporary = try TemporaryDirectory()
        for scenario in ["nat-ok", "dr-ok"] {
            let first = try Self.render(scenario, format, to: temporary.path("a"))
            let second = try Self.render(scenario, format, to: temporary.path("b"))
            #expect(first == second && first.count > 10_000)
        }
    }

    @Test("the TSV header names and types every column, and rows fill them")
    func tsvHeader() throws {
        let temporary = try TemporaryDirectory()
        let text = try Self.render("nat-ok", .tsv, to: temporary.path("flows.tsv"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(Array(lines.prefix(5)) == ["#separator \\x09", "#set_separator\t,", "#empty_field\t(empty)",
                                           "#unset_field\t-", "#path\tflows"])
        let columns = "ts uid point orig_h orig_p resp_h resp_p proto conn_state history duration orig_pkts orig_bytes "
            + "orig_ip_bytes resp_pkts resp_bytes resp_ip_bytes orig_mac resp_mac vlan retrans fwd_copies mss toa "
            + "community_id connection rewrites"
        #expect(lines[5] == "#fields\t" + columns.split(separator: " ").joined(separator: "\t"))
        #expect(lines[6].hasPrefix("#types\ttime\tstring\tstring\taddr\tport"))
        #expect(lines[6].split(separator: "\t").count == 28)
        let rows = lines.filter { !$0.hasPrefix("#") }
        let records = try FlowAnalysis.run(try Self.inputs("nat-ok")).collection.records
        #expect(rows.count == records.count)
        #expect(rows.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 27 })
        // nat-ok: the real-server legs are rewritten (dstIP) where they were seen:
        // director-any's eth1 sub-point (20), rs1 (10), rs2 (10); the client legs are not.
        let rewritten = rows.filter { $0.hasSuffix("\tdstIP") }
        #expect(rewritten.count == 40)
        #expect(rewritten.allSatisfy { $0.contains("\tdirector-any/if3\t") || $0.contains("\trs") })
        let trailer = lines.filter { $0.hasPrefix("#clock") }
        #expect(trailer.first == "#clock_reference\tdirector-eth0")
        #expect(trailer.count == 1 + 5 && trailer.contains("#clock_offset\tdirector-eth0\t0.000000000\t0\t-"))
    }

    @Test("JSON lines carry the same keys and end with the clock offsets")
    func json() throws {
        let temporary = try TemporaryDirectory()
        let text = try Self.render("dr-ok", .json, to: temporary.path("flows.json"))
        let lines = text.split(separator: "\n").map(String.init)
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let last = try #require(objects.last)
        #expect((last["clockOffsets"] as? [Any])?.count == 5 && last["clockReference"] as? String == "director-eth0")
        for object in objects.dropLast() {
            #expect(Set(object.keys).isSubset(of: Set(FlowFields.columns)))
            #expect(object["uid"] is String && object["orig_pkts"] is Int && object["ts"] is String)
        }
        let director = objects.filter { ($0["point"] as? String) == "director-eth0" && ($0["proto"] as? String) == "tcp" }
        #expect(director.count == 20 && director.allSatisfy { ($0["rewrites"] as? String) == "dstMAC" })
        #expect(director.allSatisfy { ($0["retrans"] as? Int) == 0 && ($0["fwd_copies"] as? Int ?? 0) > 0 })
    }
}

extension FlowListingTests {
    /// The data lines `FlowListing` writes for `records` through an `OutputSink` (the
    /// byte path), and the lines of the String path (`tsv(values(...))`) for the same.
    static func bothPaths(_ records: [FlowRecord], _ correlation: CorrelationResult) throws
        -> (bytes: [String], strings: [String]) {
        let temporary = try TemporaryDirectory()
        let sink = try OutputSink(path: temporary.path("flows.tsv"))
        try FlowListing(format: .tsv, sink: sink).write(records: records, correlation: correlation)
        try sink.flush()
        let text = try String(contentsOfFile: temporary.path("flows.tsv"), encoding: .utf8)
        let bytes = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .filter { !$0.hasPrefix("#") }.map(String.init)
        let strings = records.map { record in
            let member = correlation.membership[record.uid]
            let connection = member.map { correlation.connections[$0.connection].id }
            return FlowFields.tsv(FlowFields.values(record, connection: connection, rewrites: member?.rewrites))
        }
        return (bytes, strings)
    }

    @Test("the byte-level TSV lines equal the field values joined",
          arguments: ["nat-ok", "nat-ok-v6", "dr-ok-v6", "fullnat-ok", "fullnat-ok-v6", "nat-udp", "two-vips-mixed"])
    func bytesMatchValues(_ scenario: String) throws {
        let result = try FlowAnalysis.run(try Self.inputs(scenario))
        let (bytes, strings) = try Self.bothPaths(result.collection.records, result.correlation)
        #expect(bytes.count == result.collection.records.count && bytes.count > 10)
        #expect(bytes == strings)
    }

    /// lvs-fullnat carries TOA options, lvs-nat-qinq two VLAN tags per frame.
    @Test("the byte-level TSV lines equal the field values joined on corpus captures",
          arguments: ["lvs-fullnat.pcap", "lvs-nat-qinq.pcap"])
    func bytesMatchValuesOnCorpus(_ name: String) throws {
        let path = try FixturePaths.corpusFile("lvscope-fixtures/\(name)")
        let result = try FlowAnalysis.run([CaptureInput(point: "capture", path: path)])
        let (bytes, strings) = try Self.bothPaths(result.collection.records, result.correlation)
        #expect(bytes.count == result.collection.records.count && bytes.count > 10)
        #expect(bytes == strings)
        let fields = bytes.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        if name == "lvs-fullnat.pcap" {
            #expect(fields.contains { $0[23].hasPrefix("254:") }) // toa
        } else {
            #expect(fields.contains { $0[19].contains("/") }) // vlan: outer/inner
        }
    }
}

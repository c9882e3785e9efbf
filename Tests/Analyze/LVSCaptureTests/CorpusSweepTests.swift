import LVSCapture
import LVSTestSupport
import LVSWire
import Testing

/// All 830 captures of the tcpdump test suite (`shared/corpus/tcpdump-tests`) open and
/// read without a crash, and agree with the oracle `tcpdump-tests.expect.tsv`.
@Suite struct CorpusSweepTests {
    static let oracleFile = "tcpdump-tests.expect.tsv"

    @Test("every file reads, or is refused for its link type only")
    func everyFile() throws {
        let oracle = try OracleTable(contentsOf: FixturePaths.corpusFile(Self.oracleFile))
        let files = try FixturePaths.corpusFiles(in: "tcpdump-tests", extensions: ["pcap", "pcapng"])
        #expect(files.count == 830)
        var read = 0
        var unsupported = 0
        for path in files {
            let name = String(path.split(separator: "/").last ?? "")
            let dlt = try #require(oracle.value("dlt", of: name).flatMap { UInt32($0) }, "\(name) not in the oracle")
            do {
                let result = try readAll(path)
                read += 1
                #expect(LinkType(rawValue: dlt).isSupported, "\(name) read despite link type \(dlt)")
                try check(result, against: oracle, name: name, path: path)
            } catch let error as CaptureError {
                guard case let .unsupportedLinkType(linkType, _, interface) = error.reason else {
                    Issue.record("\(name): \(error)")
                    continue
                }
                unsupported += 1
                #expect(linkType.rawValue == dlt && interface == 0 && !linkType.isSupported, "\(name)")
            }
        }
        // Observed: the oracle's dlt column has 552 files of supported link types (479
        // Ethernet, 32 SLL, 14 NULL, 14 IPv6, 9 RAW, 4 IPv4) and 278 of others.
        #expect(read == 552)
        #expect(unsupported == 278)
    }

    @Test("with unsupported link types accepted, all 830 files read completely")
    func everyFileAccepted() throws {
        let oracle = try OracleTable(contentsOf: FixturePaths.corpusFile(Self.oracleFile))
        let files = try FixturePaths.corpusFiles(in: "tcpdump-tests", extensions: ["pcap", "pcapng"])
        var packets = 0
        var cutByLibpcap = 0
        for path in files {
            let name = String(path.split(separator: "/").last ?? "")
            let result = try readAll(path, acceptingUnsupportedLinkTypes: true)
            if try check(result, against: oracle, name: name, path: path) { cutByLibpcap += 1 }
            packets += result.records.count
        }
        // corpus README: 10,183 packet records in total.
        #expect(packets == 10_183)
        // Observed: 34 fuzzed pcap files hold records longer than their snaplen.
        #expect(cutByLibpcap == 34)
    }

    /// Count, format and link type as the oracle says; frames numbered 1...n; no cut
    /// tails (the corpus has none). For pcap files, every record agrees with a plain walk
    /// of the file (`RawPcapFile`); snaplen-cut frames agree with tshark's count, except in
    /// files with records longer than their snaplen, which libpcap cuts and tshark does
    /// not. Returns whether the file is one of those.
    @discardableResult
    private func check(_ result: ReadResult, against oracle: OracleTable, name: String, path: String) throws -> Bool {
        #expect(String(result.records.count) == oracle.value("raw_records", of: name), "\(name)")
        #expect(String(result.records.count) == oracle.value("packets", of: name), "\(name)")
        #expect(result.info.format.description == oracle.value("format", of: name), "\(name)")
        #expect(result.info.linkTypes.map { String($0.rawValue) }.joined(separator: "+") == oracle.value("dlt", of: name),
                "\(name)")
        #expect(result.records.enumerated().allSatisfy { $0.element.frameNumber == $0.offset + 1 }, "\(name)")
        #expect(!result.summary.truncatedTail, "\(name)")
        var cutByLibpcap = false
        if let raw = RawPcapFile(try contents(of: path)) {
            #expect(raw.records.count == result.records.count, "\(name)")
            for (record, rawRecord) in zip(result.records, raw.records) {
                #expect(record.timestamp == raw.timestamp(rawRecord), "\(name) \(record)")
                #expect(record.originalLength == rawRecord.original, "\(name) \(record)")
                #expect(record.capturedLength == raw.deliveredLength(rawRecord), "\(name) \(record)")
                cutByLibpcap = cutByLibpcap || rawRecord.captured > raw.deliveredLength(rawRecord)
            }
        }
        if oracle.value("status", of: name) == "ok", !cutByLibpcap {
            #expect(String(result.records.filter(\.isTruncated).count) == oracle.value("truncated", of: name), "\(name)")
        }
        return cutByLibpcap
    }

    /// First and last frames from
    /// `tshark -r FILE -T fields -e frame.number -e frame.time_epoch -e frame.len -e frame.cap_len
    ///  -e frame.interface_id` (tshark 4.0.17), for files with unusual headers.
    static let samples: [(file: String, frames: [TsharkFrame])] = [
        // Nanosecond magic, Linux cooked v1.
        ("tcp-handshake-nano.pcap", [.init(1, "1418145369.924505488", 76, 76), .init(3, "1418145370.052115157", 68, 68)]),
        // Big-endian magic (a1b2c3d4 as bytes).
        ("isup.pcap", [.init(1, "1089032999.862196000", 146, 146), .init(6, "1089033016.952114000", 86, 86)]),
        ("pptp.pcap", [.init(1, "954147395.148077000", 62, 62), .init(23, "954147396.347775000", 60, 60)]),
        // Link-type words 0x40000001 and 0x04000001: upper bits set, masked to Ethernet.
        ("esp_truncated.pcap", [.init(1, "1605787646.999999000", 65613, 46)]),
        // tshark says cap_len 90; the record is longer than the file's snaplen, 53, and
        // libpcap delivers 53 bytes.
        ("bootp_asan.pcap", [.init(1, "0.000000000", 65570, 53)]),
        // Unsigned 32-bit seconds past 2^31 (tcpdump 4.99.3 prints "[Error converting time]").
        ("time_2038_overflow.pcap", [.init(1, "2147483648.000000000", 98, 98)]),
        ("time_2106_max.pcap", [.init(1, "4294967295.000000000", 98, 98)]),
        // pcapng timestamps past 2106 (2^32 s and beyond).
        ("time_2106_overflow.pcapng", [.init(1, "4294967296.000000000", 98, 98)]),
        ("time_2107.pcapng", [.init(1, "4323283200.000000000", 98, 98)]),
        ("OSPFv2_Capture_FINAL.pcapng", [.init(1, "1518622219.014914000", 142, 142),
                                         .init(30, "1518622238.733366000", 142, 142)]),
        ("bgp-role.pcapng", [.init(1, "1668715732.541413000", 175, 175), .init(9, "1668715734.542871000", 68, 68)]),
    ]

    @Test("sample files agree with tshark frame by frame", arguments: CorpusSweepTests.samples.map(\.file))
    func samplesAgreeWithTshark(file: String) throws {
        let frames = try #require(Self.samples.first { $0.file == file }?.frames)
        let result = try readAll(try tcpdumpTest(file))
        #expect(result.records.count == frames.last?.number)
        for frame in frames {
            #expect(frame.matches(result.records[frame.number - 1]), "\(file) \(frame): \(result.records[frame.number - 1])")
        }
    }

    @Test("a fraction field of a second or more carries into the seconds")
    func invalidFractions() throws {
        // timestamp_invalid_nano.pcap: records 2 and 3 have ts_nsec 1000000000 and
        // 0x80000000; timestamp_invalid_micro.pcap has ts_usec 1000000 and 0x80000000.
        // `tcpdump --nano -tt` prints 1418145370.1000000000 and 1418145370.2147483648
        // (resp. .1000000 and .2147483648 in µs); we add the fraction to the seconds.
        let nano = try readAll(try tcpdumpTest("timestamp_invalid_nano.pcap"))
        #expect(nano.records.map(\.timestamp) == [epoch("1418145369.999999999"), epoch("1418145371.000000000"),
                                                   epoch("1418145372.147483648")])
        let micro = try readAll(try tcpdumpTest("timestamp_invalid_micro.pcap"))
        #expect(micro.records.map(\.timestamp) == [epoch("1418145369.999999000"), epoch("1418145371.000000000"),
                                                    epoch("1418147517.483648000")])
    }
}

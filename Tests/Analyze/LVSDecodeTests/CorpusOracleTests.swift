import Foundation
import LVSCapture
import LVSDecode
import LVSTestSupport
import LVSWire
import Testing

/// The decode summary agrees with tshark's per-file protocol counts
/// (`../shared/corpus/*.expect.tsv`, tshark 4.0.17 `frame.protocols`) on every file
/// whose link types lvscope supports — except the disagreements listed here, each
/// with its reason.
@Suite struct CorpusOracleTests {
    static let layerColumns = ["ip", "ipv6", "tcp", "udp", "icmp", "icmpv6", "arp", "vlan", "sll", "gre"]

    /// Accepted disagreements: file → why lvscope's count differs from tshark's.
    static let accepted: [String: String] = [
        "arista_ether.pcap": "Arista vendor EtherType 0xd28b (AVSP); lvscope does not dissect vendor tags",
        "icmp6-rfc8335.pcap": "RFC 8335 extended echo quoting an ICMP packet in ICMPv6; not dissected",
        "nhrp-trace.pcap": "NHRP error message quoting an IP packet; NHRP not dissected",
        "nsh.pcap": "Network Service Header (EtherType 0x894f) not dissected",
        "of13_ericsson.pcapng": "OpenFlow packet-in messages carrying packets; OpenFlow not dissected",
        "sflow-print-v6.pcap": "sFlow samples carry packet headers; sFlow not dissected",
        "sflow_expanded.pcap": "sFlow samples carry packet headers; sFlow not dissected",
        "various_gre.pcap": "Cisco MetaData (GRE 0x8909) before the inner IP; not dissected",
    ]
    /// BIG TCP / GSO frames whose UDP length field is 0 (the length did not fit): tshark
    /// stops at UDP, lvscope follows the VXLAN/Geneve overlay to the inner packet.
    static let bigTCPOverlay = [
        "bigtcp-ipv4-geneve-ipv4.pcap", "bigtcp-ipv4-geneve-ipv6.pcap", "bigtcp-ipv4-vxlan-ipv4.pcap",
        "bigtcp-ipv4-vxlan-ipv6.pcap", "bigtcp-ipv6-geneve-ipv4.pcap", "bigtcp-ipv6-geneve-ipv6.pcap",
        "bigtcp-ipv6-vxlan-ipv4.pcap", "bigtcp-ipv6-vxlan-ipv6.pcap",
    ]

    struct Comparison {
        var agreeing: [String] = []
        var disagreeing: [String: String] = [:]
    }

    static func compare(folder: String, oracle: String) throws -> Comparison {
        let table = try OracleTable(contentsOf: FixturePaths.corpusFile(oracle))
        var comparison = Comparison()
        for file in table.files {
            guard let dlt = table.value("dlt", of: file), supported(dlt),
                  table.value("status", of: file)?.hasPrefix("ok") == true
                    || (Int(table.value("tshark_frames", of: file) ?? "") ?? 0) > 0 else { continue }
            let run = try DecodeHarness.decode(FixturePaths.corpusFile("\(folder)/\(file)"))
            var differences: [String] = []
            for column in layerColumns {
                let ours = run.summary.count(column == "ip" ? "ip" : column)
                let theirs = Int(table.value(column, of: file) ?? "") ?? -1
                if ours != theirs { differences.append("\(column) \(ours)≠\(theirs)") }
            }
            let packets = Int((table.value("packets", of: file) ?? "").replacingOccurrences(of: ",", with: "")) ?? -1
            if run.summary.packets != packets { differences.append("packets \(run.summary.packets)≠\(packets)") }
            if differences.isEmpty {
                comparison.agreeing.append(file)
            } else {
                comparison.disagreeing[file] = differences.joined(separator: ", ")
            }
        }
        return comparison
    }

    /// Every link type of the file (pcapng: `+`-joined) is one lvscope decodes.
    static func supported(_ dlt: String) -> Bool {
        dlt.split(whereSeparator: { $0 == "+" || $0 == "," }).allSatisfy {
            UInt32($0).map { LinkType(rawValue: $0).isSupported } ?? false
        }
    }

    @Test func tcpdumpCorpusAgreesWithTshark() throws {
        let result = try Self.compare(folder: "tcpdump-tests", oracle: "tcpdump-tests.expect.tsv")
        let expected = Set(Self.accepted.keys).union(Self.bigTCPOverlay)
        #expect(Set(result.disagreeing.keys) == expected, "unexpected: \(result.disagreeing.filter { !expected.contains($0.key) })")
        let total = result.agreeing.count + result.disagreeing.count
        // 552 files have only link types lvscope decodes and are read by tshark.
        #expect(total == 552, "supported files compared: \(total)")
        #expect(Double(result.agreeing.count) / Double(total) >= 0.97)
    }

    @Test func lvscopeFixturesAgreeWithTshark() throws {
        let result = try Self.compare(folder: "lvscope-fixtures", oracle: "lvscope-fixtures.expect.tsv")
        #expect(result.disagreeing.isEmpty, "\(result.disagreeing)")
        #expect(result.agreeing.count == 15)
        #expect(result.agreeing.contains("lvs-mixed-eth-sll2.pcapng"))
    }

    /// Every capture in the corpus — 830 tcpdump test files, many of them fuzzer-found
    /// crash reproducers, whatever their link type — decodes without a trap, and yields
    /// the records the oracle's own file walk counted.
    @Test func everyCorpusFileDecodesWithoutCrashing() throws {
        var files = 0
        for (folder, oracle) in [("tcpdump-tests", "tcpdump-tests.expect.tsv"),
                                 ("lvscope-fixtures", "lvscope-fixtures.expect.tsv")] {
            let table = try OracleTable(contentsOf: FixturePaths.corpusFile(oracle))
            for path in try FixturePaths.corpusFiles(in: folder, extensions: ["pcap", "pcapng"]) {
                let file = URL(fileURLWithPath: path).lastPathComponent
                let run = try DecodeHarness.decode(path)
                let expected = Int((table.value("packets", of: file) ?? "").replacingOccurrences(of: ",", with: ""))
                #expect(run.summary.packets == expected, "\(file)")
                files += 1
            }
        }
        #expect(files == 845)
    }

    @Test func mixedLinkTypePcapngYieldsEveryPacket() throws {
        let run = try DecodeHarness.decode(FixturePaths.corpusFile("lvscope-fixtures/lvs-mixed-eth-sll2.pcapng"))
        #expect(run.summary.packets == 1_497)
        #expect(run.summary.count("eth") == 747)
        #expect(run.summary.count("sll") == 750)
    }
}

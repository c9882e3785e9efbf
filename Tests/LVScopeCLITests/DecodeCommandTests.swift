import Foundation
import LVSTestSupport
import Testing

/// `lvscope decode` run as a user runs it: output formats, and every kind of bad input
/// as one line on standard error with exit status 2 (DESIGN.md §4).
@Suite struct DecodeCommandTests {
    static func fixture(_ name: String) throws -> String { try FixturePaths.corpusFile(name) }

    @Test func summaryJSONHasTheContractShape() throws {
        let result = try CommandRunner.run(["decode", "--summary", "--format", "json",
                                            Self.fixture("lvscope-fixtures/lvs-tun.pcap")])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["packets", "linkType", "layers", "truncated", "malformed"])
        #expect(object["packets"] as? Int == 722)
        #expect(object["linkType"] as? String == "EN10MB")
        let layers = try #require(object["layers"] as? [String: Int])
        #expect(Set(layers.keys) == ["eth", "vlan", "sll", "arp", "ip", "ipv6", "tcp", "udp", "icmp", "icmpv6",
                                     "ipip", "gre"])
        #expect(layers["ipip"] == 251)
    }

    @Test func tsvHasADocumentedHeaderAndOneLinePerPacket() throws {
        let result = try CommandRunner.run(["decode", "--format", "tsv", Self.fixture("lvscope-fixtures/lvs-nat.pcap")])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 751)
        #expect(lines[0].hasPrefix("#frame\ttime\tiface"))
        let columns = lines[0].split(separator: "\t").count
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == columns })
    }

    @Test func jsonLinesParseOneObjectPerPacket() throws {
        let result = try CommandRunner.run(["decode", "--format", "json", Self.fixture("lvscope-fixtures/lvs-fullnat.pcap")])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 750)
        for line in lines.prefix(50) {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any])
        }
    }

    @Test func textShowsTheTOAOption() throws {
        let result = try CommandRunner.run(["decode", Self.fixture("lvscope-fixtures/lvs-fullnat.pcap")])
        #expect(result.status == 0)
        #expect(result.output.contains("toa/254 "))
    }

    /// Each bad input: one line on standard error naming the problem and the place, exit 2.
    @Test(arguments: [
        ("/nonexistent/capture.pcap", "capture file not found"),
        ("/tmp", "capture path is a directory"),
        ("README.md", "not a pcap or pcapng file"),
        ("EMPTY", "capture file is empty"),
        ("RADIOTAP", "unsupported link type 127"),
    ])
    func badInputIsOneLineAndExitTwo(_ path: String, _ message: String) throws {
        let directory = try TemporaryDirectory()
        var argument = path
        if path == "EMPTY" {
            argument = directory.path("empty.pcap")
            _ = FileManager.default.createFile(atPath: argument, contents: Data())
        } else if path == "RADIOTAP" {
            argument = try Self.fixture("tcpdump-tests/ieee802.11_exthdr.pcap")
        }
        let result = try CommandRunner.run(["decode", argument], in: FixturePaths.repositoryRoot())
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        let lines = result.error.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("lvscope: error: \(message)") == true, "\(result.error)")
    }

    @Test func badArgumentsAreOneLineAndExitTwo() throws {
        for arguments in [["decode"], ["decode", "--format", "xml", "a.pcap"], ["decode", "--bogus", "a.pcap"], ["nonsense"]] {
            let result = try CommandRunner.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.error.split(separator: "\n").count == 1, "\(arguments): \(result.error)")
            #expect(result.error.hasPrefix("lvscope: error: "))
        }
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try CommandRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("decode"))
        let version = try CommandRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.output.hasPrefix("0.1.0"))
    }

    @Test func truncatedTailIsAWarningNotAnError() throws {
        let result = try CommandRunner.run(["decode", "--summary", Self.fixture("lvscope-fixtures/lvs-nat-cut-tail.pcap")])
        #expect(result.status == 0)
        #expect(result.output.contains("packets    749"))
        #expect(result.error.hasPrefix("lvscope: warning: capture file ends inside its last record"))
    }
}

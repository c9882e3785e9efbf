import Foundation
import Testing
@testable import LVSConfig
import LVSWire

@Suite struct DeploymentLoadingTests {
    @Test func loadDetectsIpvsadmAndKeepalived() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let save = try scratch.write("lab.ipvsadm", LabDeployment.ipvsadmSave)
        let dpvs = try scratch.write("fnat.conf", FullNATDeployment.keepalived)
        let script = try scratch.write("fnat.sh", FullNATDeployment.ipvsadmScript)
        let fromSave = try Deployment.load(path: save)
        #expect(fromSave.source == ConfigSource(file: save, format: .ipvsadm))
        #expect(fromSave.services == LabDeployment.expected)
        #expect(try Deployment.load(path: dpvs).source.format == .keepalived)
        #expect(try Deployment.load(path: script).services == FullNATDeployment.expected)
    }

    @Test(arguments: [
        ("-A -t 192.0.2.1:80 -s rr", ConfigFormat.ipvsadm),
        ("# comment\n\n  --add-service -t 192.0.2.1:80", .ipvsadm),
        ("/sbin/ipvsadm -A -t 192.0.2.1:80", .ipvsadm),
        ("! keepalived\nvirtual_server 192.0.2.1 80 {", .keepalived),
        ("include /etc/keepalived/conf.d/*.conf", .keepalived),
        ("global_defs {\n}", .keepalived),
        ("my_block {\n}", .keepalived),
        ("$VIP=192.0.2.1", .keepalived),
    ])
    func detection(_ text: String, _ format: ConfigFormat) {
        #expect(ConfigFormat.detect(text) == format)
    }

    @Test func neitherFormatIsReportedWithItsFirstLine() throws {
        let listing = """
            IP Virtual Server version 1.2.1 (size=4096)
            Prot LocalAddress:Port Scheduler Flags
              -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
            TCP  192.0.2.10:80 wlc
            """
        #expect(ConfigFormat.detect(listing) == nil)
        #expect(parseError("\n\n   \(listing)", file: "ipvsadm-L.txt", format: nil)
                == "ipvsadm-L.txt:3:4: neither ipvsadm-save output nor keepalived.conf: starts with \"IP\"")
    }

    @Test func fileProblemsNameTheFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let missing = scratch.path + "/missing.conf"
        #expect(throws: ConfigError(file: missing, "no such file")) { try Deployment.load(path: missing) }
        #expect(throws: ConfigError(file: scratch.path, "is a directory, not a configuration file")) {
            try Deployment.load(path: scratch.path)
        }
        let empty = try scratch.write("empty.ipvsadm", "")
        let comments = try scratch.write("comments.conf", "# nothing\n! here\n\n")
        for path in [empty, comments] {
            #expect(throws: ConfigError(file: path, "empty configuration: no statements, only blank lines and comments")) {
                try Deployment.load(path: path)
            }
        }
        let binary = scratch.path + "/capture.pcap"
        try Data([0xD4, 0xC3, 0xB2, 0xA1, 0x02, 0x00, 0x04, 0x00]).write(to: URL(fileURLWithPath: binary))
        #expect(throws: ConfigError(file: binary, "is binary, not a text configuration file")) {
            try Deployment.load(path: binary)
        }
        #expect(throws: ConfigError(file: "\"\"", "is an empty path, not a configuration file")) {
            try Deployment.load(path: "")
        }
        // A FIFO nothing writes to is refused after a wait; one with a writer is read.
        let fifo = scratch.path + "/fifo.conf"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: ConfigError(file: fifo, "is a FIFO that nothing wrote to within 50 ms")) {
            _ = try ConfigFile.read(fifo, writerWait: 50)
        }
        let writer = Thread {
            let descriptor = open(fifo, O_WRONLY)
            let text = "-A -t 10.0.0.1:80 -s rr\n".utf8CString
            _ = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count - 1) }
            close(descriptor)
        }
        writer.start()
        #expect(try Deployment.load(path: fifo).services.count == 1)
        let bom = scratch.path + "/bom.ipvsadm"
        try Data([0xEF, 0xBB, 0xBF] + Array("-A -t 10.0.0.1:80 -s rr\n".utf8)).write(to: URL(fileURLWithPath: bom))
        #expect(try Deployment.load(path: bom).services.count == 1)
        let latin1 = scratch.path + "/latin1.conf"
        try Data([0x23, 0x20, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        #expect(throws: ConfigError(file: latin1, "is not UTF-8 text")) { try Deployment.load(path: latin1) }
    }

    @Test func aFileWithoutServicesSaysSo() throws {
        let deployment = try Deployment.parse("! VRRP only\nvrrp_instance VI_1 {\n    state BACKUP\n}\n", file: "vrrp.conf")
        #expect(deployment.services.isEmpty)
        #expect(deployment.warnings.map(\.description) == ["vrrp.conf:2:1: warning: the file configures no virtual services"])
    }

    /// `service(_:)` searches the sorted services: every one of many, written in reverse
    /// order, is found, and keys not configured are not.
    @Test func everyServiceOfAThousandIsFound() throws {
        let keys = (0..<1000).map { i in
            ServiceKey.address(i % 3 == 0 ? .udp : .tcp, .v4(IPv4Address(rawValue: 0x0A00_0000 | UInt32(i))), port: 80)
        }
        let text = keys.reversed().map { key -> String in
            guard case let .address(proto, address, port) = key else { return "" }
            return "-A \(proto == .udp ? "-u" : "-t") \(address):\(port) -s rr"
        }.joined(separator: "\n")
        let deployment = try Deployment.parse(text + "\n", file: "many.ipvsadm")
        #expect(keys.allSatisfy { deployment.service($0)?.key == $0 })
        #expect(deployment.service(.address(.sctp, .v4(IPv4Address(rawValue: 0x0A00_0000)), port: 80)) == nil)
        #expect(deployment.service(.address(.tcp, .v4(IPv4Address(rawValue: 0x0A00_0000)), port: 81)) == nil)
        #expect(deployment.service(.fwmark(1, .ipv4)) == nil)
    }

    @Test func longWordsAreQuotedInPart() throws {
        let long = String(repeating: "x", count: 300)
        let deployment = try Deployment.parse("\(long) {\n}\n", file: "k.conf")
        let shown = String(repeating: "x", count: QuotedExcerpt.limit - 4) + "…"
        #expect(deployment.warnings.first?.message == "unknown top-level keyword \"\(shown)\" (skipped)")
        #expect(throws: ConfigError(file: "s.ipvsadm", line: 1, column: 22, "unknown scheduler \"\(shown)\"")) {
            try Deployment.parse("-A -t 10.0.0.1:80 -s \(long)\n", file: "s.ipvsadm")
        }
    }

    @Test func errorDescriptionAndLocation() {
        let error = ConfigError(file: "lb.ipvsadm", line: 7, column: 20, "unknown scheduler \"rrr\"")
        #expect(error.description == "lb.ipvsadm:7:20: unknown scheduler \"rrr\"")
        #expect(error.location == "lb.ipvsadm:7:20")
        #expect(ConfigError(file: "x.conf", line: 3, "m").location == "x.conf:3")
        #expect(ConfigError(file: "x.conf", "no such file").description == "x.conf: no such file")
    }
}

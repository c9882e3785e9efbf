import Foundation
import LVSCapture
import LVScope
import LVSReplay
import LVSTestSupport
import Testing

/// Bad input is a one-line `<what> (<where>)` error (exit status 2), raised before any
/// output is written.
@Suite struct ReplayInputErrorTests {
    func run(config: String, inputs: [CaptureInput], kernel: String? = nil) -> LVScopeError? {
        do {
            _ = try Replaying.run(configPath: config, kernel: kernel, options: ReplayOptions(inputs: inputs))
            return nil
        } catch {
            return error
        }
    }

    func client() throws -> [CaptureInput] { try ReplayFixtures.captures("nat-ok", ["client.pcap"]) }

    @Test func missingConfiguration() throws {
        let error = try #require(run(config: "/nonexistent/lb.ipvsadm", inputs: try client()))
        #expect(error.description == "no such file (/nonexistent/lb.ipvsadm)")
    }

    /// A parse error names the file, line and column of the offending word.
    @Test func brokenConfiguration() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("broken.ipvsadm")
        try "-A -t 198.51.100.10:80 -s rr\n-a -t 198.51.100.10:80 -r 192.0.2.11:80 -m -w heavy\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let error = try #require(run(config: path, inputs: try client()))
        #expect(error.location == "\(path):2:47")
        #expect(error.what.contains("heavy"))
        #expect(!error.description.contains("\n"))
    }

    /// An --against capture that shows neither side of the director (empty, or of other
    /// traffic) leaves every emission unchecked: that is no comparison, not "same".
    @Test func againstCapturesThatCompareNothing() throws {
        let directory = try TemporaryDirectory()
        let empty = directory.path("empty.pcap")
        // A pcap file header (Ethernet, microseconds) and no packets.
        let header: [UInt8] = [0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                               0xFF, 0xFF, 0, 0, 1, 0, 0, 0]
        try Data(header).write(to: URL(fileURLWithPath: empty))
        let inputs = try ReplayFixtures.captures("nat-ok", ["client.pcap", "rs1.pcap", "rs2.pcap"])
        let options = ReplayOptions(inputs: inputs, against: [CaptureInput(point: "observed", path: empty)])
        let error = #expect(throws: LVScopeError.self) {
            try Replaying.run(configPath: try ReplayFixtures.config("nat-ok"), kernel: nil, options: options)
        }
        #expect(error?.location == "--against")
        #expect(error?.what.hasPrefix("none of the ") == true, "\(String(describing: error))")
        #expect(error?.what.contains(" frames the model sent could be compared") == true)
    }

    @Test func missingCapture() throws {
        let error = try #require(run(config: try ReplayFixtures.config("nat-ok"),
                                     inputs: [CaptureInput(path: "/nonexistent/client.pcap")]))
        #expect(error.description == "capture file not found (/nonexistent/client.pcap)")
    }

    /// As in flows and analyze, two inputs (or two --against captures) of one name are
    /// refused; one capture may be both an input and an --against.
    @Test func duplicatePointNames() throws {
        let config = try ReplayFixtures.config("nat-ok")
        let client = try client()[0].path
        let director = try ReplayFixtures.captures("nat-ok", ["director-any.pcap"])[0].path
        let twice = [CaptureInput(point: "a", path: client), CaptureInput(point: "a", path: director)]
        let error = try #require(run(config: config, inputs: twice))
        #expect(error.description == "two captures share the point name \"a\"; name them with NAME=PATH (\(director))")
        let againstTwice = ReplayOptions(inputs: Array(twice.suffix(1)), against: twice)
        #expect(throws: LVScopeError.self) { try Replaying.run(configPath: config, kernel: nil, options: againstTwice) }
        let crossed = ReplayOptions(inputs: [CaptureInput(point: "a", path: client)],
                                    against: [CaptureInput(point: "a", path: director)])
        #expect(throws: LVScopeError.self) { try Replaying.run(configPath: config, kernel: nil, options: crossed) }
        let both = [CaptureInput(point: "d", path: director)]
        let result = try Replaying.run(configPath: config, kernel: nil,
                                       options: ReplayOptions(inputs: both, against: both))
        #expect(result.counts.read > 0 && result.comparison != nil)
    }

    /// A capture cut inside its last record is read up to the cut and named, as by the
    /// other commands (the CLI warns).
    @Test func truncatedCapturesAreNamed() throws {
        let directory = try TemporaryDirectory()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: try client()[0].path))
        let cut = directory.path("cut.pcap")
        try bytes.dropLast(10).write(to: URL(fileURLWithPath: cut))
        let director = try ReplayFixtures.captures("nat-ok", ["director-eth1.pcap"])[0]
        let result = try Replaying.run(configPath: try ReplayFixtures.config("nat-ok"), kernel: nil,
                                       options: ReplayOptions(inputs: [CaptureInput(path: cut)], against: [director]))
        #expect(result.truncatedCaptures == [cut] && result.counts.read > 0)
    }

    @Test func unknownKernelAndFullNATOnLinux() throws {
        let natOK = try ReplayFixtures.config("nat-ok")
        let unknown = try #require(run(config: natOK, inputs: try client(), kernel: "bsd"))
        #expect(unknown.location == "--kernel")
        for name in ["linux-+6.8", "linux-6.-1", "linux-0.0", "linux-6.", "linux-6.8.1", "linux-99999.1"] {
            #expect(throws: LVScopeError.self, "\(name)") { try Replaying.kernelProfile(named: name) }
        }
        #expect(try Replaying.kernelProfile(named: "linux-4.9") == .linux(4, 9))
        let fullNAT = try #require(run(config: try ReplayFixtures.config("fullnat-ok"),
                                       inputs: try ReplayFixtures.captures("fullnat-ok", ["client.pcap"]),
                                       kernel: "linux-6.8"))
        #expect(fullNAT.what.contains("--kernel dpvs"))
    }

    /// A real server the captures never show has no MAC to send to: the error names it and
    /// the option that supplies it.
    @Test func uninferableTopology() throws {
        let error = try #require(run(config: try ReplayFixtures.config("nat-ok"),
                                     inputs: try ReplayFixtures.captures("nat-ok", ["rs1.pcap"])))
        #expect(error.what.contains("192.0.2.12"))
        #expect(error.what.contains("--real-server 192.0.2.12=MAC"))
        let directorless = try #require(run(config: try ReplayFixtures.config("nat-ok"),
                                            inputs: try ReplayFixtures.captures("nat-ok", ["rs1.pcap", "rs2.pcap"])))
        #expect(directorless.location == "--director-mac")
    }

    /// Live mode on an interface that does not exist: the interface is the location.
    @Test func liveWithoutTheInterface() throws {
        let config = try ReplayFixtures.config("nat-ok")
        do throws(LVScopeError) {
            _ = try Replaying.live(configPath: config, kernel: nil,
                                   options: LiveOptions(clientInterface: "nosuch0", realServerInterface: "nosuch0"),
                                   shouldStop: { true })
            Issue.record("live mode started without its interface")
        } catch {
            #expect(error.location == "nosuch0")
            #expect(error.what.hasPrefix("cannot capture on the interface: "))
        }
    }

    /// The built `lvscope` binary: exit status 2 and exactly one line on standard error for
    /// bad input; 0 and 1 for the verdicts.
    @Test func commandLineExitStatus() throws {
        let config = try ReplayFixtures.config("nat-ok")
        let directory = try ReplayFixtures.directory("nat-ok").path
        let missing = try CommandRunner.run(["replay", "--config", config, "\(directory)/absent.pcap"])
        #expect(missing.status == 2)
        #expect(missing.error == "lvscope: error: capture file not found (\(directory)/absent.pcap)\n")
        let same = try CommandRunner.run(["replay", "--config", config, "--against", "\(directory)/director-eth1.pcap",
                                          "\(directory)/client.pcap", "\(directory)/rs1.pcap", "\(directory)/rs2.pcap"])
        #expect(same.status == 0)
        #expect(same.output.contains("result     same"))
        let strict = try CommandRunner.run(["replay", "--config", config, "--strict-scheduler", "--format", "json",
                                            "--against", "\(directory)/director-eth1.pcap", "\(directory)/client.pcap"])
        #expect(strict.status == 1)
        #expect(strict.output.hasPrefix("{\n  \"schema\": \"lvscope.replay.v1\""))
    }
}

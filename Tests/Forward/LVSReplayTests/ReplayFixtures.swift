import Foundation
import LVSCapture
import LVSConfig
import LVScope
import LVSReplay
import LVSTestSupport

/// Paths of the committed lab scenarios and a shorthand for replaying them.
enum ReplayFixtures {
    static func directory(_ scenario: String) throws -> URL {
        try ScenarioCatalog.capturesDirectory().appendingPathComponent(scenario)
    }

    static func config(_ scenario: String) throws -> String {
        try FixturePaths.repositoryRoot().appendingPathComponent("Fixtures/config/\(scenario).ipvsadm").path
    }

    static func captures(_ scenario: String, _ files: [String]) throws -> [CaptureInput] {
        let directory = try directory(scenario)
        return files.map { file in
            CaptureInput(point: String(file.dropLast(5)), path: directory.appendingPathComponent(file).path)
        }
    }

    /// Replays `inputs` of `scenario` against `against` with the scenario's configuration
    /// (or `config`).
    static func replay(_ scenario: String, config: String? = nil, kernel: String? = nil, inputs: [String],
                       against: [String], strictScheduler: Bool = false, output: String? = nil) throws -> ReplayResult {
        let options = ReplayOptions(inputs: try captures(scenario, inputs), against: try captures(scenario, against),
                                    outputPath: output, schedulerAgnostic: !strictScheduler)
        return try Replaying.run(configPath: try config ?? Self.config(scenario), kernel: kernel, options: options)
    }

    /// The scenario's configuration with `edit` applied to its text, in `directory`.
    static func editedConfig(_ scenario: String, in directory: TemporaryDirectory, _ edit: (String) -> String) throws
        -> String {
        let text = try String(contentsOfFile: try config(scenario), encoding: .utf8)
        let path = directory.path("\(scenario)-edited.ipvsadm")
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Inputs and observation points per topology: NAT and FULL-NAT feed the client and the
    /// real servers and observe both director NICs; DR feeds the router's segment NIC (the
    /// client is behind the router) and observes the director's one NIC.
    static let twoArmed = (inputs: ["client.pcap", "rs1.pcap", "rs2.pcap"],
                           against: ["director-eth0.pcap", "director-eth1.pcap"])
    static let oneSegment = (inputs: ["router.pcap"], against: ["director-eth0.pcap"])
}

extension ReplayComparison {
    /// The names of the fields of `kind` in a difference.
    static func fields(_ difference: PacketDifference, _ kind: DifferenceKind) -> [String] {
        difference.fields.filter { $0.kind == kind }.map(\.field)
    }
}

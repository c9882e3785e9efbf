import ArgumentParser
import LVSCapture
import LVSConfig
import LVScope
import LVSReplay
import LVSReport
import LVSWire

/// `lvscope replay`: re-forward captured traffic through the forwarding core; compare with
/// what the real director sent (DESIGN.md §4: exit 0 same, 1 differences, 2 bad input).
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-forward captures through the LVS model and diff against what was observed.",
        discussion: """
            INPUT captures hold what enters the director: client requests (a capture on the \
            client-side segment, or the director's own) and real-server replies. Each frame \
            addressed to the director is fed once, in time order, even when several inputs \
            captured it. --against captures hold what the director sent (its interfaces, or \
            the real servers' NICs); each expected frame is aligned with one observed packet \
            by content LVS does not rewrite and compared field by field. A connection the real \
            director sent to another configured real server is reported as a scheduler \
            disagreement and compared as if the model had chosen that server too, unless \
            --strict-scheduler. FULL-NAT local ports and sequence offsets, tunnel outer IDs \
            and the two spellings of a zero checksum are non-deterministic by design.
            The director's MACs, router, real-server MACs, DIP and MTU are inferred from the \
            captures; the options below override them.
            """
    )

    @Option(help: "The deployment: ipvsadm-save output or keepalived.conf.")
    var config: String

    @Option(help: """
        Kernel profile: linux-MAJOR.MINOR (e.g. linux-6.8, linux-4.9), dpvs or alibaba \
        (default: dpvs for a FULL-NAT configuration, else linux-6.8).
        """)
    var kernel: String?

    @Option(name: .shortAndLong, help: "Write the emitted frames to this pcap file.")
    var output: String?

    @Option(help: ArgumentHelp("A capture of what the director sent (repeat for several).", valueName: "OBSERVED"),
            transform: parseCapture)
    var against: [CaptureInput] = []

    @Option(help: "Report format: text, json or html.")
    var format: ReplayFormat = .text

    @Option(help: "Write the report to FILE instead of standard output.")
    var report: String?

    @Flag(help: "Count scheduler disagreements as differences instead of re-aligning them.")
    var strictScheduler = false

    @OptionGroup var topology: TopologyOptions

    @OptionGroup var live: LiveArguments

    @Argument(help: ArgumentHelp("Captures fed to the director: PATH or NAME=PATH.", valueName: "INPUT"),
              transform: parseCapture)
    var inputs: [CaptureInput] = []

    func validate() throws {
        if live.live {
            if !inputs.isEmpty || !against.isEmpty {
                throw ValidationError("--live takes no INPUT or --against captures")
            }
        } else if inputs.isEmpty {
            throw ValidationError("give at least one INPUT capture")
        }
    }

    private var outputs: [(option: String, path: String?)] { [("--output", output), ("--report", report)] }

    private var inputPaths: [String] { [config] + inputs.map(\.path) + against.map(\.path) }

    /// The outputs against the files the configuration included, before anything runs.
    private func checkOutputs(_ deployment: Deployment) throws(LVScopeError) {
        try OutputTargets.check(outputs, inputs: inputPaths + deployment.includedFiles)
    }

    func run() throws {
        try OutputTargets.check(outputs, inputs: inputPaths, standardOutput: "--report")
        let capture = try StagedCapture(output)
        if live.live { return try runLive(capture) }
        var result = try capture.namingOutput {
            try TerminalProgress().during { progress in
                let options = ReplayOptions(inputs: inputs, against: against, outputPath: capture.writePath,
                                            overrides: topology.overrides, schedulerAgnostic: !strictScheduler,
                                            progress: progress)
                return try Replaying.run(configPath: config, kernel: kernel, options: options, warn: warn,
                                         loaded: checkOutputs)
            }
        }
        result.outputPath = output
        let sink = try OutputSink.staged(report)
        try sink.write(ReplayReport(result: result, generator: LVScopeVersion.generator).rendered(format))
        try sink.flush()
        try capture.commit()
        try sink.commit()
        for path in result.truncatedCaptures { warn("capture file ends inside its last record (\(path))") }
        if result.hasDifferences { throw ExitCode(1) }
    }
}

extension ReplayCommand {
    /// Forwards between two interfaces until SIGINT/SIGTERM or `--duration`, then prints
    /// what it did.
    func runLive(_ capture: StagedCapture) throws {
        let options = LiveOptions(clientInterface: live.clientInterface ?? "", realServerInterface:
                                    live.realServerInterface ?? live.clientInterface ?? "",
                                  overrides: topology.overrides, duration: live.duration,
                                  outputPath: capture.writePath)
        StopSignal.install()
        let result = try capture.namingOutput {
            try Replaying.live(configPath: config, kernel: kernel, options: options, warn: warn,
                               loaded: checkOutputs, shouldStop: StopSignal.requested)
        }
        let sink = try OutputSink.staged(report)
        try sink.write(LiveReport(result: result, generator: LVScopeVersion.generator).rendered(format))
        try sink.flush()
        try capture.commit()
        try sink.commit()
    }
}

extension ReplayFormat: ExpressibleByArgument {}

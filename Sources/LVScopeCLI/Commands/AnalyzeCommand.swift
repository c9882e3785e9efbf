import ArgumentParser
import LVScope
import LVSReport

/// `lvscope analyze`: the mode of every virtual service, the real servers, the findings,
/// from captures at any points (DESIGN.md §4: exit 0 done, 2 bad input).
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Infer each virtual service's forwarding mode and check the deployment from captures.",
        discussion: """
            Captures from the client, the director (its interfaces, or `-i any`), a segment \
            or the real servers are read together and the same connections recognised \
            across them. Each point's role is inferred (names like director-eth0, rs1, \
            client help when two captures of one link hold the same frames); --role forces \
            it. Each service gets a mode (nat, dr, tun, fullnat or unknown), a confidence \
            and evidence citing frames as POINT#FRAME; unknown says which capture would decide.
            json: the lvscope.analysis.v1 document (Reports/schema/analysis.v1.schema.json).
            html: one self-contained page (inline CSS and SVG, no script, no URL): verdict, \
            services, findings with their fixes, topology, connection ladders, ARP/ND per VIP, \
            captures and the packets the evidence cites.
            """
    )

    @Option(help: "Report format: text, json or html.")
    var format: AnalysisFormat = .text

    @Option(help: "Colour the text report: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @Option(name: .shortAndLong, help: "Write the report to FILE instead of standard output.")
    var output: String?

    @OptionGroup var analysis: AnalysisArguments

    func run() throws {
        try OutputTargets.check([("--output", output)], inputs: analysis.inputPaths, standardOutput: "--output")
        let result = try TerminalProgress().during { progress in
            try Analysis.run(inputs: analysis.captures, options: analysis.options(progress: progress), warn: warn)
        }
        try OutputTargets.check([("--output", output)], inputs: analysis.inputPaths + result.includedFiles)
        let sink = try OutputSink.staged(output)
        try sink.write(try result.rendered(format, color: color.enabled(writingTo: output)))
        try sink.commit()
        for point in result.flows.points where point.truncatedTail {
            warn("capture file ends inside its last record (\(point.input.path))")
        }
        ProcessLifetime.keep(result)
    }
}

extension AnalysisFormat: ExpressibleByArgument {}

import ArgumentParser
import LVScope

/// `lvscope`: configuration only; each subcommand is a thin shell over the LVScope library.
struct LVScopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lvscope",
        abstract: "Verify LVS/IPVS load-balancer deployments from packet captures.",
        discussion: """
            CAPTURE arguments are PATH or NAME=PATH; NAME names the capture point (default: \
            the file's stem). Errors are one line on standard error, `lvscope: error: <what> \
            (<where>)`, with exit status 2.
            """,
        version: LVScopeVersion.string,
        subcommands: [
            AnalyzeCommand.self, CheckCommand.self, RulesCommand.self, ReplayCommand.self, DecodeCommand.self, FlowsCommand.self,
        ]
    )
}

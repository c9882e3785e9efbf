import ArgumentParser
import LVSCapture
import LVScope
import LVSInference

/// The inputs of an analysis (`analyze`, and `check` later): the captures, the expected
/// deployment, forced roles and the kernel profile.
struct AnalysisArguments: ParsableArguments {
    @Option(help: "The expected deployment: ipvsadm-save output or keepalived.conf.")
    var config: String?

    @Option(help: ArgumentHelp("""
        Force a capture point's role: client, director, real-server, segment, router (repeat for several).
        """, valueName: "NAME=ROLE"), transform: parseRole)
    var role: [RoleArgument] = []

    @Option(help: """
        Kernel profile: linux-MAJOR.MINOR (e.g. linux-6.8), dpvs or alibaba (default: dpvs for a \
        FULL-NAT configuration, else linux-6.8); sets the idle timeouts that end flows.
        """)
    var kernel: String?

    @Flag(inversion: .prefixedNo, help: "Verify IPv4, TCP, UDP and ICMP checksums (bad ones become findings).")
    var verifyChecksums = true

    @Argument(help: "The captures: PATH or NAME=PATH.", transform: parseCapture)
    var captures: [CaptureInput]

    func validate() throws {
        var seen: Set<String> = []
        for argument in role where !seen.insert(argument.point).inserted {
            throw ValidationError("--role given twice for \"\(argument.point)\"")
        }
    }

    /// The files read: the captures and the configuration.
    var inputPaths: [String] { captures.map(\.path) + (config.map { [$0] } ?? []) }

    func options(progress: ReadProgressHandler? = nil) -> AnalysisOptions {
        AnalysisOptions(configPath: config, forcedRoles: Dictionary(role.map { ($0.point, $0.role) }) { $1 },
                        kernel: kernel, verifyChecksums: verifyChecksums, progress: progress)
    }
}

import LVSCapture
import LVSConfig
import LVSDecode
import LVSForwarding
import LVSWire

/// Replays captures through the forwarding core (DESIGN.md §4 `lvscope replay`): infers
/// the topology, merges the inputs in time order, feeds every frame that enters the
/// director (once, even when several inputs captured it) with its capture time, writes the
/// emissions to a pcap with the same times, and compares them with the `--against`
/// captures as they are produced.
public struct ReplayRunner {
    public let deployment: Deployment
    public let profile: KernelProfile
    public let options: ReplayOptions

    public init(deployment: Deployment, profile: KernelProfile, options: ReplayOptions) {
        self.deployment = deployment
        self.profile = profile
        self.options = options
    }

    public func run() throws(ReplayError) -> ReplayResult {
        guard !options.inputs.isEmpty else { throw ReplayError("no input capture given", at: "INPUT") }
        guard options.inputs.count <= 64 else { throw ReplayError("at most 64 input captures", at: "INPUT") }
        let addresses = DeploymentAddresses(deployment)
        let (topology, notes) = try TopologyScan.infer(from: options.inputs + options.against, addresses: addresses,
                                                       overrides: options.overrides)
        var comparator: Comparator?
        if !options.against.isEmpty {
            let observed = try ObservedIndex(against: options.against, topology: topology, addresses: addresses)
            comparator = Comparator(observed: observed, topology: topology, addresses: addresses,
                                    schedulerAgnostic: options.schedulerAgnostic, window: options.alignmentWindow)
        }
        var loop = try ReplayLoop(runner: self, topology: topology, addresses: addresses, comparator: comparator)
        try loop.run()
        let truncated = zip(loop.merge.readers, options.inputs).filter { $0.0.truncatedTail }.map(\.1.path)
        let comparison = loop.comparator.map { var c = $0; return c.finish() }
        if let comparison, comparison.compared == 0, comparison.unchecked > 0 {
            // Everything unchecked is no comparison at all: an empty or unrelated capture
            // must not pass as "same".
            throw ReplayError("none of the \(comparison.unchecked) frames the model sent could be compared: the "
                + "captures show neither of the director's sides they leave on (are they the director's, of "
                + "the same traffic?)", at: "--against")
        }
        return ReplayResult(profile: profile, topology: topology, topologyNotes: notes, counts: loop.finishCounts(),
                            comparison: comparison,
                            outputPath: options.outputPath,
                            truncatedCaptures: truncated + (comparator?.observed.truncatedPaths ?? []))
    }
}

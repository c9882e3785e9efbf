import LVSConfig
import LVSForwarding

/// Counts of one replay: what was read, fed, emitted and dropped.
public struct ReplayCounts: Sendable {
    /// Frames read from the inputs.
    public var read = 0
    /// Frames fed to the director.
    public var input = 0
    /// Frames not fed because another input point already fed the same packet.
    public var duplicates = 0
    /// Frames the director emitted (forwarded, routed, ICMP errors, resets).
    public var emitted = 0
    /// Drop verdicts (an ICMP error and its drop count once each).
    public var dropped = 0
    /// Drops by reason (`DropReason.description`), sorted by reason.
    public var droppedBy: [(reason: String, count: Int)] = []

    public init() {}
}

/// Everything a replay produced.
public struct ReplayResult: Sendable {
    public var profile: KernelProfile
    /// The topology the director ran with and how each fact was inferred.
    public var topology: DirectorTopology
    public var topologyNotes: [String]
    public var counts: ReplayCounts
    /// nil without `--against`.
    public var comparison: ReplayComparison?
    public var outputPath: String?
    /// Inputs and --against captures that end inside their last record.
    public var truncatedCaptures: [String] = []

    /// Exit status 1 of DESIGN.md §4: the comparison found differences.
    public var hasDifferences: Bool { comparison?.hasDifferences ?? false }
}

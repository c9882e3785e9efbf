/// Counters of one capture point's tracker, including its own memory accounting: the
/// bytes the flow table holds (entry pages, index, extras pool) against the flows alive,
/// taken when the number of live flows peaked.
public struct FlowTableStatistics: Hashable, Sendable {
    public var packets = 0
    /// Packets that belong to no flow: not IP (ARP, ...), IP with an undecodable
    /// transport header, or later fragments (whose ports are in the first fragment).
    public var nonIPPackets = 0
    public var undecodablePackets = 0
    public var laterFragments = 0
    /// Packets the capture cut at its snaplen (captured length below the original):
    /// their payload digests, options or quoted headers may be missing.
    public var truncatedPackets = 0
    public var flowsCreated = 0
    public var flowsEmitted = 0
    public var liveFlows = 0
    public var peakLiveFlows = 0
    /// Bytes held by the table when `peakLiveFlows` was reached, and now.
    public var bytesAtPeak = 0
    public var bytes = 0
    /// `MemoryLayout<FlowEntry>.stride`.
    public var entryBytes = 0
    public var sweeps = 0

    public init() {}

    /// Table bytes per live flow at the peak: the memory cost of one tracked flow.
    public var bytesPerLiveFlowAtPeak: Double {
        peakLiveFlows == 0 ? 0 : Double(bytesAtPeak) / Double(peakLiveFlows)
    }
}

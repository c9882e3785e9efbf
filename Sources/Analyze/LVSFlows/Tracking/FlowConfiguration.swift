/// How `FlowTracker` builds flows.
public struct FlowConfiguration: Hashable, Sendable {
    /// Idle timeouts by protocol and IPVS state (IPVS's defaults).
    public var timeouts: IdleTimeouts
    /// A packet whose content repeats one sent on another link leg at most this long ago
    /// is a forwarded copy. A director forwards within microseconds; a retransmission
    /// waits at least an RTO (200 ms on Linux) and uses the same leg.
    public var forwardedCopyWindowMilliseconds: UInt16
    /// Capture time between sweeps that end idle flows and reclaim their memory (a sweep
    /// also waits for enough packets to pay for its walk over the table).
    public var sweepIntervalSeconds: Int64

    public init(timeouts: IdleTimeouts = .linux, forwardedCopyWindowMilliseconds: UInt16 = 50,
                sweepIntervalSeconds: Int64 = 10) {
        self.timeouts = timeouts
        self.forwardedCopyWindowMilliseconds = forwardedCopyWindowMilliseconds
        self.sweepIntervalSeconds = sweepIntervalSeconds
    }
}

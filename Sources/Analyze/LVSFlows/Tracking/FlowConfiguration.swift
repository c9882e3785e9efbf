import LVSConfig

/// How `FlowTracker` builds flows.
public struct FlowConfiguration: Hashable, Sendable {
    /// IPVS's connection timeouts by TCP state and for UDP (the kernel profile's, after
    /// any `ipvsadm --set`); protocols other than TCP, UDP and ICMP use the UDP value.
    public var timeouts: Timeouts
    /// Seconds an ICMP flow may stay idle: the 60 s IPVS gives ICMP entries.
    public var icmpTimeoutSeconds: Int
    /// A packet whose content repeats one sent on another link leg at most this long ago
    /// is a forwarded copy. A director forwards within microseconds; a retransmission
    /// waits at least an RTO (200 ms on Linux) and uses the same leg.
    public var forwardedCopyWindowMilliseconds: UInt16
    /// Capture time between sweeps that end idle flows and reclaim their memory (a sweep
    /// also waits for enough packets to pay for its walk over the table).
    public var sweepIntervalSeconds: Int64

    public init(timeouts: Timeouts = .linux, icmpTimeoutSeconds: Int = 60, forwardedCopyWindowMilliseconds: UInt16 = 50,
                sweepIntervalSeconds: Int64 = 10) {
        self.timeouts = timeouts
        self.icmpTimeoutSeconds = icmpTimeoutSeconds
        self.forwardedCopyWindowMilliseconds = forwardedCopyWindowMilliseconds
        self.sweepIntervalSeconds = sweepIntervalSeconds
    }
}

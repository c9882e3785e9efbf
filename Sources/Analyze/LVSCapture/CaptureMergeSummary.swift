/// The outcome of a `CaptureMerge` loop.
public struct CaptureMergeSummary: Hashable, Sendable {
    /// Packets handed to the closure in this loop.
    public var packets: Int
    /// The closure returned `.stop`.
    public var stopped: Bool
    /// Per input, in input order: packets read so far (the last one may still be pending
    /// when the loop stopped) and whether its last record was cut.
    public var inputs: [CaptureReadSummary]

    public init(packets: Int, stopped: Bool, inputs: [CaptureReadSummary]) {
        self.packets = packets
        self.stopped = stopped
        self.inputs = inputs
    }
}

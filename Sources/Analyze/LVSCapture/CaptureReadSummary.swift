/// The outcome of a read loop.
public struct CaptureReadSummary: Hashable, Sendable {
    /// Packets delivered so far by this reader (all loops together).
    public var packets: Int
    /// The file ended inside its last record, which was dropped: a warning, not an
    /// error (tcpdump: "truncated dump file"; tshark: "cut short in the middle of a packet").
    public var truncatedTail: Bool
    /// The closure returned `.stop` before the end of the file.
    public var stopped: Bool

    public init(packets: Int, truncatedTail: Bool, stopped: Bool) {
        self.packets = packets
        self.truncatedTail = truncatedTail
        self.stopped = stopped
    }
}

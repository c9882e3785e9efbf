/// Per-flow bits of a `FlowEntry`.
struct EntryFlags: OptionSet {
    var rawValue: UInt8

    /// The slot holds a flow (free slots are on the free list).
    static let live = EntryFlags(rawValue: 1 << 0)
    /// Endpoint A of the key is the originator.
    static let origIsA = EntryFlags(rawValue: 1 << 1)
    /// The roles were flipped from "first packet's sender" (Zeek's `^`).
    static let flipped = EntryFlags(rawValue: 1 << 2)
    /// The flow's first packet was the orig SYN (its time is the SYN fingerprint's).
    static let startedWithSYN = EntryFlags(rawValue: 1 << 3)
    /// The ACK completing the handshake was seen.
    static let handshakeACK = EntryFlags(rawValue: 1 << 4)
    /// The request digest was computed over fewer bytes than the payload had captured
    /// (or none): not usable for correlation.
    static let requestPartial = EntryFlags(rawValue: 1 << 5)
    /// History letters were dropped because the inline buffer was full.
    static let historyTruncated = EntryFlags(rawValue: 1 << 6)
    /// A packet of the flow carried IPv4 options.
    static let ipOptions = EntryFlags(rawValue: 1 << 7)
}

import LVSWire

/// A frame the real director emitted, as one `--against` capture shows it (merged with its
/// copies at other points). Kept whole: it is compared field by field later.
struct ObservedPacket: Sendable {
    /// Index into the `--against` list, and the frame number in that file.
    var point: Int
    var frame: Int
    var time: Timestamp
    var linkType: LinkType
    var bytes: [UInt8]
    var facts: PacketFacts
    /// Sent toward a real server (its MAC or RIP, or in a cooked capture the VIP: DR).
    var towardRealServer: Bool
    /// Aligned with an expected emission.
    var used = false
}

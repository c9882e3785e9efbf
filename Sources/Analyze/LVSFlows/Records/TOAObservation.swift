import LVSWire

/// The TOA options a flow carried (lvs-reference.md §2.5): the client address a FULL-NAT
/// director passes to the real server, and on which packets it was found.
public struct TOAObservation: Hashable, Sendable {
    /// The first well-formed option seen.
    public var option: TOAOption?
    public var placements: TOAPlacement
    /// Packets that carried a well-formed option.
    public var packets: Int
    /// Packets whose TOA kind had a length other than 8 or 20.
    public var malformed: Int

    public init(option: TOAOption?, placements: TOAPlacement, packets: Int, malformed: Int) {
        self.option = option
        self.placements = placements
        self.packets = packets
        self.malformed = malformed
    }
}

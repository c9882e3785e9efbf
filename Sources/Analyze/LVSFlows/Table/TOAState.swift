import LVSWire

/// TOA options seen on a flow (lvs-reference.md §2.5).
struct TOAState {
    var option: TOAOption?
    /// `TOAPlacement` bits.
    var placements: UInt8 = 0
    var packets: UInt32 = 0
    var malformed: UInt32 = 0
}

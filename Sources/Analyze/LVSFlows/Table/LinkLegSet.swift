/// The link legs (MAC pair, cooked direction, encapsulation) a flow's packets used, with
/// packet counts: a fixed-capacity set of four, each slot tagged with the flow direction.
/// On a DR director one direction shows two legs (client→director and director→real
/// server); a fifth distinct leg is counted in `overflow` only. A leg that carried a
/// forwarded copy is marked (the top bit of its count): the host forwards on it and
/// originates nothing there, so later packets on it are copies too.
struct LinkLegSet {
    /// Leg id | 0x8000 for the responder's direction; 0 marks an empty slot.
    private var slots: (UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0)
    private var counts: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)

    static let capacity = 4
    static let respBit: UInt16 = 0x8000
    private static let copyMark: UInt32 = 0x8000_0000

    static func tag(_ leg: UInt16, _ direction: FlowDirection) -> UInt16 {
        direction == .resp ? leg | respBit : leg
    }

    /// Counts a packet; false when the set is full and the leg is new.
    @discardableResult
    mutating func add(_ leg: UInt16, _ direction: FlowDirection, count: UInt32 = 1) -> Bool {
        let tagged = LinkLegSet.tag(leg, direction)
        for i in 0..<LinkLegSet.capacity {
            let slot = self[slot: i]
            if slot == tagged {
                setCount(i, self.count(at: i) &+ count | (rawCount(at: i) & LinkLegSet.copyMark))
                return true
            }
            if slot == 0 {
                setSlot(i, tagged)
                setCount(i, count)
                return true
            }
        }
        return false
    }

    /// Marks the leg as one the capturing host (or a director) forwards copies on.
    mutating func markCopies(_ leg: UInt16, _ direction: FlowDirection) {
        let tagged = LinkLegSet.tag(leg, direction)
        for i in 0..<LinkLegSet.capacity where self[slot: i] == tagged {
            setCount(i, rawCount(at: i) | LinkLegSet.copyMark)
        }
    }

    func carriesCopies(_ leg: UInt16, _ direction: FlowDirection) -> Bool {
        let tagged = LinkLegSet.tag(leg, direction)
        for i in 0..<LinkLegSet.capacity where self[slot: i] == tagged {
            return rawCount(at: i) & LinkLegSet.copyMark != 0
        }
        return false
    }

    /// Each occupied slot in order: leg id, direction, packets (no array built).
    func forEachEntry(_ body: (UInt16, FlowDirection, UInt32) -> Void) {
        for i in 0..<LinkLegSet.capacity {
            let slot = self[slot: i]
            guard slot != 0 else { continue }
            body(slot & ~LinkLegSet.respBit, slot & LinkLegSet.respBit != 0 ? .resp : .orig, count(at: i))
        }
    }

    /// The occupied slots: leg id, direction, packets.
    var entries: [(leg: UInt16, direction: FlowDirection, packets: UInt32)] {
        (0..<LinkLegSet.capacity).compactMap { i in
            let slot = self[slot: i]
            guard slot != 0 else { return nil }
            return (slot & ~LinkLegSet.respBit, slot & LinkLegSet.respBit != 0 ? .resp : .orig, count(at: i))
        }
    }

    /// The same legs with the directions exchanged (after a role flip).
    func flipped() -> LinkLegSet {
        var result = LinkLegSet()
        for entry in entries { result.add(entry.leg, entry.direction.reversed, count: entry.packets) }
        return result
    }

    private subscript(slot i: Int) -> UInt16 {
        switch i {
        case 0: slots.0
        case 1: slots.1
        case 2: slots.2
        default: slots.3
        }
    }

    private mutating func setSlot(_ i: Int, _ value: UInt16) {
        switch i {
        case 0: slots.0 = value
        case 1: slots.1 = value
        case 2: slots.2 = value
        default: slots.3 = value
        }
    }

    private func count(at i: Int) -> UInt32 { rawCount(at: i) & ~LinkLegSet.copyMark }

    private func rawCount(at i: Int) -> UInt32 {
        switch i {
        case 0: counts.0
        case 1: counts.1
        case 2: counts.2
        default: counts.3
        }
    }

    private mutating func setCount(_ i: Int, _ value: UInt32) {
        switch i {
        case 0: counts.0 = value
        case 1: counts.1 = value
        case 2: counts.2 = value
        default: counts.3 = value
        }
    }
}

import LVSWire

/// Interns link legs as 15-bit ids, so that a flow records the legs it used in two bytes
/// each. A capture holds few distinct legs (hosts × hosts); past 32 767 of them every new
/// leg maps to the last id, `overflowLeg`.
struct LinkLegTable {
    static let overflowLeg: UInt16 = 0x7FFF

    /// Bucket: packed leg words and id (0 = empty).
    private var firstWords: [UInt64]
    private var secondWords: [UInt64]
    private var ids: [UInt16]
    private(set) var legs: [LinkLeg] = []
    /// The last lookup, which most packets repeat.
    private var lastFirst: UInt64 = .max
    private var lastSecond: UInt64 = .max
    private var lastID: UInt16 = 0

    init() {
        firstWords = Array(repeating: 0, count: 64)
        secondWords = Array(repeating: 0, count: 64)
        ids = Array(repeating: 0, count: 64)
    }

    /// The id (≥ 1) of the leg with these fields.
    mutating func id(source: MACAddress?, destination: MACAddress?, cookedPacketType: UInt8?,
                     encapsulated: Bool) -> UInt16 {
        let first = (source?.rawValue ?? 0) | (source == nil ? 1 << 48 : 0) | (encapsulated ? 1 << 49 : 0)
            | UInt64(cookedPacketType.map { UInt16($0) + 1 } ?? 0) << 50
        let second = (destination?.rawValue ?? 0) | (destination == nil ? 1 << 48 : 0)
        if first == lastFirst, second == lastSecond { return lastID }
        let id = lookup(first, second) ?? add(first, second, LinkLeg(
            source: source, destination: destination, cookedPacketType: cookedPacketType, encapsulated: encapsulated))
        lastFirst = first
        lastSecond = second
        lastID = id
        return id
    }

    func leg(_ id: UInt16) -> LinkLeg? {
        guard id >= 1, Int(id) <= legs.count else { return nil }
        return legs[Int(id) - 1]
    }

    private func bucket(_ first: UInt64, _ second: UInt64) -> Int {
        Int(truncatingIfNeeded: FlowKey.mix(FlowKey.mix(0x51_7CC1_B727_220A, first), second)) & (ids.count - 1)
    }

    private func lookup(_ first: UInt64, _ second: UInt64) -> UInt16? {
        var position = bucket(first, second)
        while ids[position] != 0 {
            if firstWords[position] == first, secondWords[position] == second { return ids[position] }
            position = (position + 1) & (ids.count - 1)
        }
        return nil
    }

    private mutating func add(_ first: UInt64, _ second: UInt64, _ leg: LinkLeg) -> UInt16 {
        guard legs.count < Int(LinkLegTable.overflowLeg) else { return LinkLegTable.overflowLeg }
        legs.append(leg)
        let id = UInt16(legs.count)
        if legs.count * 2 > ids.count { grow() }
        place(first, second, id)
        return id
    }

    private mutating func place(_ first: UInt64, _ second: UInt64, _ id: UInt16) {
        var position = bucket(first, second)
        while ids[position] != 0 { position = (position + 1) & (ids.count - 1) }
        firstWords[position] = first
        secondWords[position] = second
        ids[position] = id
    }

    private mutating func grow() {
        let old = (firstWords, secondWords, ids)
        let size = ids.count * 2
        firstWords = Array(repeating: 0, count: size)
        secondWords = Array(repeating: 0, count: size)
        ids = Array(repeating: 0, count: size)
        for i in old.2.indices where old.2[i] != 0 { place(old.0[i], old.1[i], old.2[i]) }
    }
}

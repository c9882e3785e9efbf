/// What one side of a flow has done, as bits.
struct SideFlags: OptionSet {
    var rawValue: UInt16

    static let syn = SideFlags(rawValue: 1 << 0)
    static let synAck = SideFlags(rawValue: 1 << 1)
    static let fin = SideFlags(rawValue: 1 << 2)
    static let rst = SideFlags(rawValue: 1 << 3)
    static let data = SideFlags(rawValue: 1 << 4)
    /// `nextSeq` holds a value.
    static let sequenced = SideFlags(rawValue: 1 << 5)
    /// History letters already written once (Zeek's per-endpoint history mask).
    static let letterS = SideFlags(rawValue: 1 << 6)
    static let letterH = SideFlags(rawValue: 1 << 7)
    static let letterF = SideFlags(rawValue: 1 << 8)
    static let letterR = SideFlags(rawValue: 1 << 9)
    static let letterD = SideFlags(rawValue: 1 << 10)
    static let letterA = SideFlags(rawValue: 1 << 11)
    /// Any packet from this side (UDP's "active" endpoint).
    static let active = SideFlags(rawValue: 1 << 12)
}

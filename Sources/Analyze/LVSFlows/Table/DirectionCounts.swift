/// A counter per flow direction.
struct DirectionCounts {
    var orig: UInt32 = 0
    var resp: UInt32 = 0

    subscript(direction: FlowDirection) -> UInt32 {
        get { direction == .orig ? orig : resp }
        set {
            if direction == .orig { orig = newValue } else { resp = newValue }
        }
    }

    /// Adds one and returns the new count.
    @discardableResult
    mutating func increment(_ direction: FlowDirection) -> UInt32 {
        let value = self[direction] &+ 1
        self[direction] = value
        return value
    }

    func flipped() -> DirectionCounts { DirectionCounts(orig: resp, resp: orig) }
}

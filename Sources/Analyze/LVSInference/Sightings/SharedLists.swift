import LVSCapture
import LVSWire

/// The last distinct lists the sightings hold: most connections repeat the previous one's
/// points and director MACs, and then share its array instead of allocating one. The
/// scratch lists are filled in place for each sighting and compared with the last ones.
struct SharedLists {
    var inputs: [Int] = []
    var subPoints: [CapturePointName] = []
    var directorMACs: [MACAddress] = []
    var scratchInputs: [Int] = []
    var scratchPoints: [CapturePointName] = []
    var scratchMACs: [MACAddress] = []

    /// Empties the scratch inputs and points, keeping their storage: they hold one to three
    /// entries, which popping drops cheaper than a range removal.
    mutating func clearScratch() {
        while scratchInputs.popLast() != nil {}
        while scratchPoints.popLast() != nil {}
    }

    /// `scratch`, as the last list when equal (sharing its storage), else as a new last list.
    static func share<T: Equatable>(_ scratch: [T], _ last: inout [T]) -> [T] {
        if scratch != last {
            var copy: [T] = []
            copy.reserveCapacity(scratch.count)
            copy.append(contentsOf: scratch)
            last = copy
        }
        return last
    }
}

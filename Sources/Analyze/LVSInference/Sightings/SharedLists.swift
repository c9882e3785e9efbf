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

    /// Sets the sighting's inputs and sub-points, sorted and distinct, from the pairs that
    /// `pairs` hands to its argument (it is called once or twice). When they are the last
    /// lists' values, which is the common case, nothing is collected, sorted or compared:
    /// each pair is found in the last lists and marked, and the lists are shared.
    mutating func assignInputs(to sighting: inout Sighting, _ pairs: ((Int, CapturePointName) -> Void) -> Void) {
        if !inputs.isEmpty, inputs.count <= 64, subPoints.count <= 64 {
            var (seenInputs, seenPoints, missed) = (UInt64(0), UInt64(0), false)
            pairs { input, point in
                guard !missed, let i = inputs.firstIndex(of: input), let p = subPoints.firstIndex(of: point) else {
                    missed = true
                    return
                }
                seenInputs |= 1 << UInt64(i)
                seenPoints |= 1 << UInt64(p)
            }
            if !missed, seenInputs == Self.all(inputs.count), seenPoints == Self.all(subPoints.count) {
                sighting.inputs = inputs
                sighting.subPoints = subPoints
                return
            }
        }
        clearScratch()
        pairs { input, point in
            if !scratchInputs.contains(input) { scratchInputs.append(input) }
            if !scratchPoints.contains(point) { scratchPoints.append(point) }
        }
        scratchInputs.sort()
        scratchPoints.sort()
        sighting.inputs = Self.share(scratchInputs, &inputs)
        sighting.subPoints = Self.share(scratchPoints, &subPoints)
    }

    /// The bits of the first `count` entries.
    private static func all(_ count: Int) -> UInt64 { count >= 64 ? .max : (1 << UInt64(count)) - 1 }

    /// Empties the scratch inputs and points, keeping their storage: they hold one to three
    /// entries, which popping drops cheaper than a range removal.
    private mutating func clearScratch() {
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

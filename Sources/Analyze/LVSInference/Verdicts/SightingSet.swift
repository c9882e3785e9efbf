/// The sightings of one service: indexes into the analysis's one array of sightings, read
/// like an array (no copy of the whole array per service).
struct SightingSet: RandomAccessCollection {
    let all: [Sighting]
    let members: [Int]

    var startIndex: Int { 0 }
    var endIndex: Int { members.count }

    // Yielded in place: a returned copy would retain every list the sighting holds.
    subscript(position: Int) -> Sighting { _read { yield all[members[position]] } }
}

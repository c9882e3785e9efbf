import LVSCapture
@testable import LVSInference
import LVSWire
import Testing

/// `SharedLists.assignInputs` must give every sighting the sorted, distinct inputs and
/// sub-points of its pairs, whether it shares the last lists (same values) or builds new
/// ones (a subset, a superset or other values than the last).
struct SharedListsTests {
    private static let (a, b, c) = (CapturePointName(point: "a"), CapturePointName(point: "b"),
                                    CapturePointName(point: "c"))

    private static func sighting() -> Sighting {
        Sighting(protocolNumber: .tcp, origin: (.v4(IPv4Address(rawValue: 0xC633_6401)), 40000))
    }

    private static func assign(_ pairs: [(Int, CapturePointName)], _ shared: inout SharedLists) -> Sighting {
        var sighting = sighting()
        shared.assignInputs(to: &sighting) { pair in
            for (input, point) in pairs { pair(input, point) }
        }
        return sighting
    }

    @Test func sortedDistinctWhateverTheLastLists() {
        var shared = SharedLists()
        let cases: [([(Int, CapturePointName)], [Int], [CapturePointName])] = [
            ([(1, Self.b), (0, Self.a), (1, Self.b)], [0, 1], [Self.a, Self.b]),
            ([(0, Self.a), (1, Self.b)], [0, 1], [Self.a, Self.b]),  // the same values: shared
            ([(1, Self.b)], [1], [Self.b]),  // a subset of the last
            ([(2, Self.c), (1, Self.b), (0, Self.a)], [0, 1, 2], [Self.a, Self.b, Self.c]),  // a superset
            ([(0, Self.b), (2, Self.b)], [0, 2], [Self.b]),  // the last inputs' values, other points
            ([], [], []),
        ]
        for (pairs, inputs, points) in cases {
            let sighting = Self.assign(pairs, &shared)
            #expect(sighting.inputs == inputs)
            #expect(sighting.subPoints == points)
        }
    }
}

import LVSCapture
import LVSFlows
import LVSInference
import LVSWire

/// The packets a finding cites: a few representative frames, not every one (a report
/// of a broken server with thousands of connections stays readable).
enum EvidenceList {
    /// How many packets a finding cites at most.
    static let limit = 6

    /// The earliest distinct references, at most `limit`, spread over the capture points:
    /// each point's first frame before any point's second.
    static func representative(_ references: [PacketReference]) -> [PacketReference] {
        let sorted = Set(references).sorted()
        var byPoint: [String: [PacketReference]] = [:]
        var points: [String] = []
        for reference in sorted {
            if byPoint[reference.capture] == nil { points.append(reference.capture) }
            byPoint[reference.capture, default: []].append(reference)
        }
        var chosen: [PacketReference] = []
        var round = 0
        while chosen.count < limit {
            var added = false
            for point in points {
                guard let list = byPoint[point], round < list.count, chosen.count < limit else { continue }
                chosen.append(list[round])
                added = true
            }
            if !added { break }
            round += 1
        }
        return chosen.sorted()
    }
}

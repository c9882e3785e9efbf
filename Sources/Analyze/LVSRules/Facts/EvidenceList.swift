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

extension PacketReference {
    /// A flow's first packet, cited at its capture file (not the sub-point: frame numbers
    /// count the file's records).
    init(firstOf record: FlowRecord) {
        self.init(capture: record.point.point, frame: record.firstFrame, time: record.firstTime)
    }

    /// A flow's last packet.
    init(lastOf record: FlowRecord) {
        self.init(capture: record.point.point, frame: record.lastFrame, time: record.lastTime)
    }

    /// The first ICMP error that quoted a flow.
    init(errorOf record: FlowRecord, _ error: ICMPErrorSummary) {
        self.init(capture: record.point.point, frame: error.frame, time: error.time)
    }

    /// The first ARP or neighbour-discovery message of a claim.
    init(claim: AddressClaim) {
        self.init(capture: claim.point.point, frame: claim.firstFrame, time: claim.firstTime)
    }
}

import LVSCapture
import LVSFlows
import LVSInference
import LVSWire

/// One stitched connection as a path through the capture points: every point that saw a
/// leg, in forwarding order (leg by leg, then by first packet on the reference clock),
/// with the flow record it saw there. The ladder and topology pictures read it.
///
/// Within a leg the points are ordered by role before time: clocks of different hosts
/// disagree by more than a hop's latency, while the direction a leg travels is known
/// (toward the director on the client's leg, away from it on the others).
struct ConnectionPath {
    struct Hop {
        var point: CapturePointName
        var input: Int
        var leg: Int
        var record: FlowRecord
        /// The originator-direction link leg this point saw (source and destination MAC).
        var link: LinkLeg?
    }

    var connection: ServiceConnection
    var hops: [Hop]

    init(_ connection: ServiceConnection, records: RecordLookup, offsets: [Int64],
         role: (String) -> CaptureRole) {
        self.connection = connection
        var hops: [(hop: Hop, rank: Int, time: Int64)] = []
        for (legIndex, leg) in connection.legs.enumerated() {
            for observation in leg.observations {
                guard let record = records.record(observation.uid) else { continue }
                let offset = observation.input < offsets.count ? offsets[observation.input] : 0
                let hop = Hop(point: observation.point, input: observation.input, leg: legIndex, record: record,
                              link: observation.links.first)
                let rank = Self.rank(role(observation.point.point), firstLeg: legIndex == 0)
                hops.append((hop, rank, record.firstTime.rawValue &- offset))
            }
        }
        self.hops = hops.sorted {
            ($0.hop.leg, $0.rank, $0.time, $0.hop.point) < ($1.hop.leg, $1.rank, $1.time, $1.hop.point)
        }.map(\.hop)
    }

    /// Where a role sits along a leg: the client's leg runs toward the director, the
    /// others away from it toward the real server.
    static func rank(_ role: CaptureRole, firstLeg: Bool) -> Int {
        let order: [CaptureRole] = firstLeg ? [.client, .router, .segment, .unknown, .director, .realServer]
            : [.director, .router, .segment, .unknown, .client, .realServer]
        return order.firstIndex(of: role) ?? order.count
    }

    /// The capture points (files) requests crossed, in order, repeats next to each other merged.
    var requestPoints: [String] { Self.merged(hops.filter { $0.record.orig.packets > 0 }.map(\.point.point)) }

    /// The capture points replies crossed, from the answering side back to the client.
    var replyPoints: [String] { Self.merged(hops.reversed().filter { $0.record.resp.packets > 0 }.map(\.point.point)) }

    static func merged(_ points: [String]) -> [String] {
        var out: [String] = []
        for point in points where out.last != point { out.append(point) }
        return out
    }
}

/// Flow records by uid, built once per page.
struct RecordLookup {
    let records: [FlowRecord]
    let index: [FlowUID: Int]

    init(_ records: [FlowRecord]) {
        self.records = records
        var index: [FlowUID: Int] = [:]
        for (i, record) in records.enumerated() where index[record.uid] == nil { index[record.uid] = i }
        self.index = index
    }

    func record(_ uid: FlowUID) -> FlowRecord? { index[uid].map { records[$0] } }
}

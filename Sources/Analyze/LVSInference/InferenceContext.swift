import LVSConfig
import LVSFlows
import LVSWire

/// The input arranged for inference: records by uid, each input's profile, the address
/// claims, and what the configuration says about addresses (VIPs, real servers, local
/// addresses).
///
/// A class: every reader (signatures, pairing, verdicts) keeps it, and as a struct each
/// one copied its dozen arrays and sets (a retain each) per record read.
final class InferenceContext {
    let input: InferenceInput
    let records: [FlowRecord]
    /// Per record: the stitched connection it belongs to and its leg's rewrites.
    let stitched: [(connection: Int, rewrites: Rewrite)?]
    /// The records of stitched connection `c`, in record order:
    /// `connectionRecords[connectionStart[c]..<connectionStart[c + 1]]` (one list for all
    /// connections rather than an array each).
    let connectionStart: [Int]
    let connectionRecords: [Int]
    let profiles: [PointProfile]
    let claims: ClaimBook
    let configuredVIPs: Set<IPAddress>
    let configuredServers: Set<IPAddress>
    let configuredLocalAddresses: Set<IPAddress>

    init(_ input: InferenceInput) {
        self.input = input
        let records = input.flows.records
        self.records = records
        var byInput = [[Int]](repeating: [], count: input.flows.points.count)
        var membership = [(connection: Int, rewrites: Rewrite)?](repeating: nil, count: records.count)
        let connections = input.correlation.connections.count
        var start = [Int](repeating: 0, count: connections + 1)
        // Read in place: a `let` of the element copies the whole (440-byte) record.
        records.withUnsafeBufferPointer { records in
            for i in records.indices {
                if let member = input.correlation.member(at: i, uid: records[i].uid),
                   member.connection >= 0,
                   member.connection < connections {
                    membership[i] = member
                    start[member.connection + 1] += 1
                }
                let isService = records[i].protocolNumber == .tcp || records[i].protocolNumber == .udp
                if isService, byInput.indices.contains(records[i].input) { byInput[records[i].input].append(i) }
            }
        }
        for c in 0..<connections { start[c + 1] += start[c] }
        var next = start
        var members = [Int](repeating: 0, count: start[connections])
        for i in membership.indices {
            guard let connection = membership[i]?.connection else { continue }
            members[next[connection]] = i
            next[connection] += 1
        }
        stitched = membership
        connectionStart = start
        connectionRecords = members
        profiles = input.flows.points.enumerated().map { i, point in
            PointProfile.build(name: point.input.point, input: i, records: byInput[i], all: records)
        }
        claims = ClaimBook(input.flows.claims)
        configuredVIPs = Set(input.deployment?.virtualAddresses ?? [])
        configuredServers = Set(input.deployment?.realServerAddresses ?? [])
        configuredLocalAddresses = Set(input.deployment?.localAddresses ?? [])
    }

    var pointNames: [String] { profiles.map(\.name) }

    /// A record's first packet as evidence.
    func reference(_ record: FlowRecord) -> PacketReference {
        PacketReference(capture: record.point.description, frame: record.firstFrame, time: record.firstTime)
    }

    /// The index in `records` of a record of stitched connection `connection`.
    func index(_ uid: FlowUID, connection: Int) -> Int? {
        let range = connectionStart[connection]..<connectionStart[connection + 1]
        return connectionRecords[range].first { records[$0].uid == uid }
    }

    func isStitched(_ index: Int) -> Bool { stitched[index] != nil }

    /// The first packet time of each 5-tuple at each input, over all its flow records (a
    /// flow split by changing VLAN tags still starts where its first half does).
    func firstSeen() -> [TupleAtInput: Int64] {
        var first: [TupleAtInput: Int64] = [:]
        for profile in profiles {
            for i in profile.records {
                let tuple = TupleAtInput(records[i])
                first[tuple] = min(first[tuple] ?? .max, records[i].firstTime.rawValue)
            }
        }
        return first
    }
}

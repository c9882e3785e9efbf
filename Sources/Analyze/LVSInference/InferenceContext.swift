import LVSConfig
import LVSFlows
import LVSWire

/// The input arranged for inference: records by uid, each input's profile, the address
/// claims, and what the configuration says about addresses (VIPs, real servers, local
/// addresses).
struct InferenceContext {
    let input: InferenceInput
    let records: [FlowRecord]
    let indexByUID: [FlowUID: Int]
    let profiles: [PointProfile]
    let claims: ClaimBook
    let configuredVIPs: Set<IPAddress>
    let configuredServers: Set<IPAddress>
    let configuredLocalAddresses: Set<IPAddress>

    init(_ input: InferenceInput) {
        self.input = input
        records = input.flows.records
        var index: [FlowUID: Int] = [:]
        index.reserveCapacity(records.count)
        var byInput = [[Int]](repeating: [], count: input.flows.points.count)
        for (i, record) in records.enumerated() {
            index[record.uid] = i
            let isService = record.protocolNumber == .tcp || record.protocolNumber == .udp
            if isService, byInput.indices.contains(record.input) { byInput[record.input].append(i) }
        }
        indexByUID = index
        let all = records
        profiles = input.flows.points.enumerated().map { i, point in
            PointProfile.build(name: point.input.point, input: i, records: byInput[i], all: all)
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

    /// The index of a record in `records`.
    func index(_ uid: FlowUID) -> Int? { indexByUID[uid] }

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

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
    /// The first packet time of each 5-tuple at each input, over all its flow records (a
    /// flow split by changing VLAN tags still starts where its first half does).
    let firstSeen: [TupleAtInput: Int64]

    init(_ input: InferenceInput) {
        self.input = input
        records = input.flows.records
        var index: [FlowUID: Int] = [:]
        index.reserveCapacity(records.count)
        var byInput = [[Int]](repeating: [], count: input.flows.points.count)
        var first: [TupleAtInput: Int64] = [:]
        for (i, record) in records.enumerated() {
            index[record.uid] = i
            let isService = record.protocolNumber == .tcp || record.protocolNumber == .udp
            guard isService, byInput.indices.contains(record.input) else { continue }
            byInput[record.input].append(i)
            let tuple = TupleAtInput(record)
            first[tuple] = min(first[tuple] ?? .max, record.firstTime.rawValue)
        }
        firstSeen = first
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

    func record(_ uid: FlowUID) -> FlowRecord? {
        indexByUID[uid].map { records[$0] }
    }
}

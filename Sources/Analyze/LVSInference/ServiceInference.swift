import LVSConfig
import LVSFlows
import LVSWire

/// Infers, from the flows of every capture point, what role each point plays and what
/// forwarding mode each virtual service really runs in (NAT, DR, TUN, FULL-NAT or
/// unknown), with a confidence on `ConfidenceScale`, evidence citing frames, and the
/// real servers behind it.
///
/// 1. Roles (`RoleInference`): from the frames (segment, director, real server, router,
///    client), then the point's name, the configuration and the side of the director's hop.
/// 2. Sightings: every client connection once — stitched connections read by their
///    director hop (`StitchedReading`), the rest by what their records show at each point
///    (`RecordSignatures`, and `RoleSignatures` for what needs the role).
/// 3. Services: the VIPs the decided connections went to, the configured services, and
///    the destinations clients connected to where nothing decided the mode; connections
///    seen only at a real server are tied to a VIP through stitched legs or the
///    configuration (`ServiceKeying`).
/// 4. Verdicts (`VerdictBuilder`): the mode most connections show, weighed by basis.
public enum ServiceInference {
    public static func infer(_ input: InferenceInput) -> InferenceResult { infer(input, parallelFrom: parallelRecords) }

    /// From this many flow records on, inference reads on two threads where it splits.
    static let parallelRecords = 4096

    static func infer(_ input: InferenceInput, parallelFrom: Int) -> InferenceResult {
        let context = InferenceContext(input)
        let reading = StitchedReading(context: context)
        let hops = reading.hops()
        // The roles, the stitched connections' sightings and what the unstitched records
        // show alone all follow from the context (and the hops) and only read it: the
        // records are read on a second thread meanwhile.
        let lent = Lent(records: RecordReading(context: context))
        // The list has room for the sightings of the records no connection stitched (at
        // most one each), appended below: growing it would move every sighting.
        let room = context.stitched.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        let rolesAndStitched: () -> ([InferenceResult.PointRole], [Sighting]) = {
            (RoleInference(context: context, facts: RoleFacts.gather(context, hops: hops)).roles(),
             reading.sightings(hops, room: room))
        }
        let alone: @Sendable () -> RecordReading.Alone = { lent.records.readAlone() }
        var (roles, sightings, read) = flattened(context.records.count >= parallelFrom
            ? inParallel(rolesAndStitched, alone) : (rolesAndStitched(), alone()))
        let fromRecords = lent.records.sightings(read, roles: roles.map(\.role), stitched: sightings)
        sightings.append(contentsOf: fromRecords)
        let sources = ServiceKeying(context: context).assign(&sightings)
        let byService = group(sightings)
        let services = discover(byService, sightings, roles: roles, deployment: input.deployment)
        let verdicts = services.map { service in
            let members = byService[service] ?? []
            return VerdictBuilder(context: context, roles: roles, service: service,
                                  sightings: SightingSet(all: sightings, members: members),
                                  sources: members.map { sources[$0] },
                                  configured: input.deployment?.service(for: service.protocolNumber,
                                                                        address: service.vip, port: service.port),
                                  parallelFrom: parallelFrom)
                .verdict()
        }
        return InferenceResult(services: verdicts, roles: roles)
    }

    /// One tuple out of nested ones: destructured into `var`s, the sightings list is not
    /// shared with a tuple still alive, and appending to it does not copy it.
    private static func flattened<A, B, C>(_ nested: ((A, B), C)) -> (A, B, C) {
        (nested.0.0, nested.0.1, nested.1)
    }

    /// The indexes of the sightings of each service. Consecutive sightings mostly share a
    /// service: the table is looked up only when it changes.
    static func group(_ sightings: [Sighting]) -> [VirtualServiceID: [Int]] {
        var slots: [VirtualServiceID: Int] = [:]
        var lists: [[Int]] = []
        var last: (service: VirtualServiceID, slot: Int)?
        for index in sightings.indices {
            guard let service = sightings[index].service else { continue }
            if let last, last.service == service {
                lists[last.slot].append(index)
                continue
            }
            let slot = slots[service] ?? lists.count
            if slot == lists.count {
                slots[service] = slot
                lists.append([])
            }
            lists[slot].append(index)
            last = (service, slot)
        }
        return slots.mapValues { lists[$0] }
    }

    /// The services to report, sorted: any a connection decided, every configured one, and
    /// the destinations a client or router connected to or whose replies a director
    /// forwarded.
    static func discover(_ byService: [VirtualServiceID: [Int]], _ sightings: [Sighting],
                         roles: [InferenceResult.PointRole], deployment: Deployment?) -> [VirtualServiceID] {
        let upstream = Set(roles.indices.filter { roles[$0].role == .client || roles[$0].role == .router })
        var services: Set<VirtualServiceID> = []
        for (service, members) in byService {
            let decided = members.contains { sightings[$0].isDecided }
            if decided || members.contains(where: {
                !upstream.isDisjoint(with: sightings[$0].inputs) || sightings[$0].hint != nil
            }) {
                services.insert(service)
            }
        }
        for configured in deployment?.services ?? [] {
            guard case let .address(proto, vip, port) = configured.key else { continue }
            services.insert(VirtualServiceID(vip: vip, port: port, protocolNumber: proto.ipProtocol))
        }
        return services.sorted()
    }
}

/// The record reading lent to the thread that reads the unstitched records alone: it only
/// reads the context, whose properties are all constants, as the calling thread does.
private struct Lent: @unchecked Sendable {
    let records: RecordReading
}

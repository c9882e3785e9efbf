import LVSFlows
import LVSInference
import LVSWire

/// FULL-NAT UDP traffic reaching the real servers without a UOA (lvs-reference.md §2.5).
///
/// Rationale: for UDP, DPVS passes the client address in an IPv4 option (UOA, type 31)
/// or a private header on the first datagrams of a flow; without it the real servers see
/// only the local address.
///
/// Failure caught: on the LIP → RIP leg of a FULL-NAT UDP service, flows none of whose
/// packets carried IPv4 options (so no UOA option). The private "option protocol" header
/// (IP protocol 248) would not be a UDP flow and is not looked for.
///
/// Benign look-alikes: IPv6 legs (DPVS's UOA for IPv6 is not an IPv4 option: not judged);
/// flows with IP options are taken to carry UOA.
///
/// Fixture: `fullnat-udp` (nftables cannot insert UOA).
struct FullNATUOAMissing: Rule {
    let id = "fullnat-uoa-missing"
    let category = FindingCategory.toa
    let severity = Severity.warning
    let title = "FULL-NAT UDP reaches the real servers without the client address (no UOA)"
    let rationale = """
        For FULL-NAT UDP, DPVS passes the client address in an IPv4 option (UOA, type 31) on the first datagrams \
        of a flow; without it the real servers see only the local address. Flags IPv4 LIP → RIP UDP flows none \
        of whose packets carried IP options.
        """
    let remediation = "Enable UOA on the director and load the uoa module on the real servers (`modprobe uoa`)."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        let records = context.flows.records
        var legs = Numbering<ServiceClient>()
        var flows: [(service: VirtualServiceID, lip: IPAddress, keys: Set<RealServerAttempt.Key>,
                     withOptions: Set<RealServerAttempt.Key>, evidence: [PacketReference])] = []
        // The attempts already name each FULL-NAT leg's service and connection.
        let attempts = context.facts.attempts
        for a in attempts.indices where attempts[a].mode == .fullnat {
            let i = attempts[a].record
            guard records[i].isUDP, records[i].origAddress.isIPv4 else { continue }
            let leg = legs.number(ServiceClient(service: attempts[a].service, client: records[i].origAddress))
            if leg == flows.count { flows.append((attempts[a].service, records[i].origAddress, [], [], [])) }
            flows[leg].keys.insert(attempts[a].key)
            if records[i].ipOptions {
                flows[leg].withOptions.insert(attempts[a].key)
            } else {
                flows[leg].evidence.append(PacketReference(firstOf: i, in: records))
            }
        }
        let bare = flows.filter { !$0.keys.subtracting($0.withOptions).isEmpty }
        return bare.sorted { ($0.service, $0.lip) < ($1.service, $1.lip) }.map { entry in
            finding(
                service: entry.service, subject: entry.lip.description,
                message: "\(entry.keys.subtracting(entry.withOptions).count) of \(entry.keys.count) FULL-NAT UDP flows from local address \(entry.lip) "
                    + "(\(entry.service)) carry no IP option (no UOA): the real servers see \(entry.lip), not the client",
                remediation: "On the director owning \(entry.lip): enable UOA for the service (DPVS inserts it as IP "
                    + "option 31 on the first datagrams); on each real server load the uoa module (`modprobe uoa`).",
                evidence: entry.evidence)
        }
    }
}

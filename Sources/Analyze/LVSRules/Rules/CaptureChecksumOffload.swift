import LVSFlows
import LVSInference
import LVSWire

/// A capture taken on a host whose NIC offloads checksums (and segmentation): the
/// host's own packets show unfilled checksums (Zeek's `ignore_checksums` case; STYLE.md §6).
///
/// Rationale: with transmit checksum offload the kernel hands the NIC packets whose
/// transport checksum holds only the pseudo-header sum; a capture on that host sees them
/// before the NIC fills it in (and TSO/GSO segments above the MTU). They are fine on the
/// wire: reporting them as bad checksums would blame a healthy host.
///
/// Failure caught: packets whose checksum is exactly the pseudo-header sum a sender under
/// offload leaves, counted per capture point and sender (the capturing host).
///
/// Benign look-alikes: this is itself the benign case; bad checksums of another form are
/// `bad-checksum-after-rewrite` when the director made them.
///
/// Fixture: `nat-capture-offload` (rs1's own capture keeps TSO/GSO/GRO and checksum
/// offload).
struct CaptureChecksumOffload: Rule {
    let id = "capture-checksum-offload"
    let category = FindingCategory.captureQuality
    let severity = Severity.notice
    let title = "Capture taken before the NIC filled in checksums (offload)"
    let rationale = """
        With checksum offload the kernel leaves only the pseudo-header sum in a packet's checksum and the NIC \
        fills it in; a capture on that host sees its own packets unfilled (and TSO/GSO segments above the \
        MTU). Such packets are fine on the wire. Counts them per capture point and sending host, so their \
        checksums are not taken as evidence.
        """
    let remediation = "Capture with offloads off (`ethtool -K <NIC> tx off rx off tso off gso off gro off`) or ignore these checksums."

    func evaluate(_ context: AnalysisContext) -> [Finding] {
        struct Key: Hashable, Comparable {
            var point: String
            var sender: IPAddress
            static func < (a: Key, b: Key) -> Bool { (a.point, a.sender) < (b.point, b.sender) }
        }
        let topology = context.facts.topology
        var seen: [Key: (packets: Int, services: Set<VirtualServiceID>, evidence: [PacketReference])] = [:]
        let records = context.flows.records
        // Indices first: only the few records with offloaded checksums are copied out.
        for i in records.indices where records[i].orig.offloadedChecksums + records[i].resp.offloadedChecksums > 0 {
            let record = records[i]
            for direction in [FlowDirection.orig, .resp] where record.stats(direction).offloadedChecksums > 0 {
                let key = Key(point: record.point.point, sender: record.address(direction))
                seen.update(key, default: (0, [], [])) { entry in
                    entry.packets += record.stats(direction).offloadedChecksums
                    if let (s, _) = RealServerAttempts.identify(i, records, topology) {
                        entry.services.insert(topology.services[s].service)
                    }
                    if let service = topology.requestService(record) { entry.services.insert(service.service) }
                    entry.evidence.append(PacketReference(firstOf: record))
                }
            }
        }
        return seen.keys.sorted().compactMap { key in
            guard let entry = seen[key] else { return nil }
            return finding(
                service: entry.services.sorted().first, subject: key.sender.description,
                message: "\(entry.packets) packets sent by \(key.sender) in capture \(key.point) carry the partial "
                    + "checksum of transmit offload: the capture was taken on \(key.sender) before its NIC filled "
                    + "checksums (segments may also exceed the MTU); they are not bad on the wire",
                remediation: "Capture on \(key.sender) with offloads off (`ethtool -K <NIC> tx off rx off tso off gso "
                    + "off gro off`), or capture on the wire (switch port, the peer); its checksums are not evidence.",
                evidence: entry.evidence)
        }
    }
}

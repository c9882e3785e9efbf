import LVSCapture
import LVSDecode
import LVSWire

/// Builds the flows of one capture point from its decoded packets, in capture order:
/// a bidirectional flow table keyed by sub-point, VLANs, addresses, protocol and ports
/// (ICMP echo by identifier), with Zeek's connection state and history, forwarded-copy
/// recognition, and IPVS's idle timeouts on capture time.
///
/// Each flow is emitted once, as an immutable `FlowRecord`, through `emit`: when it has
/// been idle for its timeout (found by a periodic sweep or by its next packet), when a new
/// connection reuses its 5-tuple, or at `finish()`. Nothing is allocated per packet; the
/// table's memory follows the number of live flows (`statistics`).
public final class FlowTracker {
    public let point: String
    public let input: Int
    public let configuration: FlowConfiguration
    let idleLimits: IdleLimits
    let table: FlowTable
    // The tracker is used by one task at a time and never hands out these properties
    // inout, so the dynamic exclusivity checks the per-packet path would pay on every
    // access (measured at about 7% of `lvscope flows`) are turned off for them.
    @exclusivity(unchecked) var extras = FlowExtrasPool()
    @exclusivity(unchecked) var legTable = LinkLegTable()
    @exclusivity(unchecked) var subPoints: SubPointRegistry
    let emit: (FlowRecord) -> Void
    @exclusivity(unchecked) var nextSweepTime = Int64.min
    @exclusivity(unchecked) var packetsSinceSweep = 0
    @exclusivity(unchecked) var stats = FlowTableStatistics()
    @exclusivity(unchecked) var claims = AddressClaimTracker()
    /// From this many live flows at the end, their records are made on two threads
    /// (tests lower it).
    var parallelFinish = 4096

    /// Where the two sides sit in a `FlowEntry` (instance constants: a plain load on the
    /// per-packet path).
    let origOffset = MemoryLayout<FlowEntry>.offset(of: \FlowEntry.orig) ?? 0
    let respOffset = MemoryLayout<FlowEntry>.offset(of: \FlowEntry.resp) ?? 0

    public init(point: String, input: Int = 0, interfaces: [CaptureInterface] = [],
                configuration: FlowConfiguration = FlowConfiguration(), emit: @escaping (FlowRecord) -> Void) {
        self.point = point
        self.input = input
        self.configuration = configuration
        idleLimits = IdleLimits(configuration)
        self.table = FlowTable()
        self.subPoints = SubPointRegistry(point: point, interfaces: interfaces)
        self.emit = emit
        stats.entryBytes = MemoryLayout<FlowEntry>.stride
    }

    /// Counters, with the table's memory accounting.
    public var statistics: FlowTableStatistics {
        var result = stats
        result.liveFlows = table.count
        result.bytes = memoryBytes
        return result
    }

    /// Bytes the table holds: entry pages, index, extras pool.
    var memoryBytes: Int { table.bytes + extras.bytes }

    /// The file's interfaces as its reader now knows them, including any declared after the
    /// first packet (before the packets that use them), whose sub-points they name.
    public func learn(interfaces: [CaptureInterface]) {
        subPoints.learn(interfaces: interfaces)
    }

    /// The sub-point names handed out so far, by id.
    public var subPointNames: [CapturePointName] { subPoints.names }

    /// Adds one decoded packet; `frame` is its captured bytes (for payload digests).
    public func process(_ record: PacketRecord, _ packet: DecodedPacket, _ frame: UnsafeRawBufferPointer) {
        withUnsafePointer(to: packet) { process(record, $0, digest: PayloadDigest.digest(of: $0, in: frame)) }
    }

    /// `process` on a packet read in place (passing the 700-byte `DecodedPacket` by value
    /// from a caller's variable costs a copy of it per packet), with its payload's digest
    /// (`PayloadDigest.digest(of:in:)`) made where the frame's bytes were.
    func process(_ record: PacketRecord, _ packet: UnsafePointer<DecodedPacket>, digest: UInt32) {
        stats.packets += 1
        if record.isTruncated { stats.truncatedPackets += 1 }
        let now = record.timestamp.rawValue
        packetsSinceSweep += 1
        if now >= nextSweepTime { sweep(now: now) }
        guard let ip = packet.pointee.innerIP else {
            stats.nonIPPackets += 1
            if packet.pointee.hasARP { observeClaims(record, packet) }
            return
        }
        if let icmp = packet.pointee.icmp, icmp.version == 6, icmp.type == 135 || icmp.type == 136 {
            observeClaims(record, packet)
        }
        guard ip.fragmentOffset == 0 else {
            stats.laterFragments += 1
            return
        }
        let link = packet.pointee.link
        let context = PacketContext(record: record, packet: packet, ip: ip, digest: digest,
                                    subPoint: subPoints.id(interface: record.interfaceIndex, link: link),
                                    leg: legTable.id(source: link.source, destination: link.destination,
                                                     cookedPacketType: link.cookedPacketType,
                                                     encapsulated: packet.pointee.hasTunnel))
        if let transport = packet.pointee.transport {
            if let tcp = transport.tcp {
                trackTCP(tcp, transport, context)
            } else {
                trackDatagram(transport, context)
            }
        } else if let icmp = packet.pointee.icmp {
            trackICMP(icmp, ip, context)
        } else if ip.protocolNumber == .tcp || ip.protocolNumber == .udp || ip.protocolNumber == .icmp
                    || ip.protocolNumber == .icmpv6 {
            stats.undecodablePackets += 1
        } else {
            trackOther(ip, context)
        }
    }

    /// What ARP and neighbour discovery said at this point so far.
    public var addressClaims: AddressClaims { claims.result(names: subPoints.names) }

    private func observeClaims(_ record: PacketRecord, _ packet: UnsafePointer<DecodedPacket>) {
        let subPoint = subPoints.id(interface: record.interfaceIndex, link: packet.pointee.link)
        claims.observe(packet.pointee, time: record.timestamp.rawValue, frame: UInt32(clamping: record.frameNumber),
                       subPoint: subPoint, name: subPoints.names[Int(subPoint)])
    }

    /// Emits every flow still open (end of input) and empties the table.
    public func finish() {
        // Nothing is looked up any more: emit in slot order and drop the table whole
        // instead of removing flows one by one from the index. With many flows, the
        // records of the upper half of the slots are made on a second thread meanwhile
        // (making a record only reads the tracker).
        let limit = table.slotLimit
        if table.count >= parallelFinish {
            let reading = TrackerReference(self)
            let (_, upper) = inParallel({ emitLive(in: 0..<limit / 2) },
                                        { reading.tracker.liveRecords(in: limit / 2..<limit) })
            for record in upper {
                stats.flowsEmitted += 1
                emit(record)
            }
        } else {
            emitLive(in: 0..<limit)
        }
        table.removeAll()
        extras = FlowExtrasPool()
    }

    private func emitLive(in slots: Range<UInt32>) {
        table.forEachLiveSlot(in: slots) { slot in
            stats.flowsEmitted += 1
            emit(makeRecord(table.entry(slot).pointee, end: .endOfInput))
        }
    }

    private func liveRecords(in slots: Range<UInt32>) -> [FlowRecord] {
        var records: [FlowRecord] = []
        table.forEachLiveSlot(in: slots) { slot in
            records.append(makeRecord(table.entry(slot).pointee, end: .endOfInput))
        }
        return records
    }

    /// The slots `forEachLive` visits: every live flow's is below it.
    var liveSlotLimit: UInt32 { table.slotLimit }

    /// Each live flow's slot, first time and uid, in slot order, among `slots`
    /// (`RecordAssembly`; only reads the tracker).
    func forEachLive(in slots: Range<UInt32>, _ body: (_ slot: UInt32, _ firstTime: Int64, _ uid: UInt64) -> Void) {
        table.forEachLiveSlot(in: slots) { slot in
            let entry = table.entry(slot)
            let key = entry.pointee.key
            let uid = FlowTracker.uid(prefix: subPoints.uidPrefixes[Int(key.subPoint)], key: key,
                                      firstTime: entry.pointee.firstTime)
            body(slot, entry.pointee.firstTime, uid.rawValue)
        }
    }

    /// The record of the live flow in `slot`, ending with the input (only reads the tracker).
    func liveRecord(slot: UInt32, uid: UInt64) -> FlowRecord {
        makeRecord(table.entry(slot).pointee, end: .endOfInput, uid: FlowUID(rawValue: uid))
    }

    /// Empties the table once `RecordAssembly` has made the live flows' records, which
    /// counts them as emitted, as `finish()` would.
    func dropLive() {
        stats.flowsEmitted += table.count
        table.removeAll()
        extras = FlowExtrasPool()
    }

    @inline(__always)
    func side(_ entry: UnsafeMutablePointer<FlowEntry>, _ direction: FlowDirection) -> UnsafeMutablePointer<FlowSideState> {
        (UnsafeMutableRawPointer(entry) + (direction == .orig ? origOffset : respOffset))
            .assumingMemoryBound(to: FlowSideState.self)
    }
}

/// The tracker lent to the thread that makes the upper half of the records in `finish`:
/// it only reads the tracker, while the calling thread makes the lower half.
private struct TrackerReference: @unchecked Sendable {
    let tracker: FlowTracker
    init(_ tracker: FlowTracker) { self.tracker = tracker }
}

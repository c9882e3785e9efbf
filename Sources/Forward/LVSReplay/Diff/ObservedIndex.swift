import LVSCapture
import LVSDecode
import LVSForwarding
import LVSWire

/// Every packet the real director emitted in the `--against` captures, indexed by
/// alignment key. A frame seen at several points (the director's NIC and the real
/// server's, or an Ethernet and a cooked capture of the same interface) is kept once,
/// preferring the Ethernet copy, which carries both MACs.
///
/// Which frames are the director's: in Ethernet captures those sent from one of its MACs;
/// in cooked captures the outgoing ones. ARP and IPv6 link housekeeping are left out.
struct ObservedIndex: Sendable {
    private(set) var packets: [ObservedPacket] = []
    private var byKey: [AlignmentKey: [Int]] = [:]
    let pointNames: [String]
    /// The captures whose last record was cut short.
    private(set) var truncatedPaths: [String] = []
    /// Whether some point shows the director's frames toward real servers / toward clients.
    private(set) var coversRealServerSide = false
    private(set) var coversClientSide = false

    static let copyWindow: Int64 = 50_000_000

    init(against: [CaptureInput], topology: DirectorTopology, addresses: DeploymentAddresses) throws(ReplayError) {
        pointNames = against.map(\.point)
        let merge: CaptureMerge
        do {
            merge = try CaptureMerge(paths: against.map(\.path))
        } catch {
            throw ReplayError(error)
        }
        let classifier = EmissionClassifier(topology: topology, addresses: addresses)
        let decoder = PacketDecoder()
        var packet = DecodedPacket()
        var copies: [UInt64: [Int]] = [:]
        do {
            while let (point, borrowed) = try merge.nextPacket() {
                let record = borrowed.record
                decoder.decode(borrowed.bytes, linkType: record.linkType, originalLength: record.originalLength,
                               into: &packet)
                let facts = PacketFacts(packet, bytes: borrowed.bytes, withKey: true)
                guard let toward = classifier.directorEmission(facts), let key = facts.key, let ip = facts.outer else {
                    continue
                }
                let observed = ObservedPacket(point: point, frame: record.frameNumber, time: record.timestamp,
                                              linkType: record.linkType, bytes: Array(borrowed.bytes), facts: facts,
                                              towardRealServer: toward)
                let identity = PayloadDigest.of(borrowed.bytes.slice(from: ip.offset, length: ip.totalLength))
                if let copy = copies[identity]?.last(where: { isCopy(packets[$0], of: observed) }) {
                    // Keep the copy that has both MACs (Ethernet over cooked), at the first
                    // copy's time so that each key's list stays in time order.
                    if packets[copy].facts.destinationMAC == nil, facts.destinationMAC != nil {
                        var replacement = observed
                        replacement.time = packets[copy].time
                        packets[copy] = replacement
                    }
                    continue
                }
                copies[identity, default: []].append(packets.count)
                byKey[key, default: []].append(packets.count)
                if toward { coversRealServerSide = true } else { coversClientSide = true }
                packets.append(observed)
            }
        } catch {
            throw ReplayError(error)
        }
        truncatedPaths = zip(merge.readers, against).filter { $0.0.truncatedTail }.map(\.1.path)
    }

    private func isCopy(_ kept: ObservedPacket, of new: ObservedPacket) -> Bool {
        kept.point != new.point && abs(new.time.rawValue - kept.time.rawValue) <= Self.copyWindow
    }

    func covers(towardRealServer: Bool) -> Bool {
        towardRealServer ? coversRealServerSide : coversClientSide
    }

    /// Unused packets with `key` within `window` of `time`, in time order. Each key's list
    /// is in time order (packets arrive merged by time), so the window is found by bisection.
    func candidates(_ key: AlignmentKey, near time: Timestamp, window: Int64) -> [Int] {
        guard let indices = byKey[key] else { return [] }
        let earliest = time.rawValue - window
        let latest = time.rawValue + window
        var low = 0
        var high = indices.count
        while low < high {
            let middle = (low + high) / 2
            if packets[indices[middle]].time.rawValue < earliest { low = middle + 1 } else { high = middle }
        }
        var found: [Int] = []
        for index in indices[low...] {
            if packets[index].time.rawValue > latest { break }
            if !packets[index].used { found.append(index) }
        }
        return found
    }

    mutating func markUsed(_ index: Int) {
        packets[index].used = true
    }

    func reference(_ index: Int) -> ObservedReference {
        let packet = packets[index]
        return ObservedReference(capture: pointNames[packet.point], frame: packet.frame, time: packet.time,
                                 summary: packet.facts.summary)
    }
}

/// Which frames are the director's own emissions, and whether they go toward a real server.
struct EmissionClassifier: Sendable {
    let directorMACs: Set<MACAddress>
    let realServerMACs: Set<MACAddress>
    let addresses: DeploymentAddresses

    init(topology: DirectorTopology, addresses: DeploymentAddresses) {
        directorMACs = [topology.clientSide.mac, topology.realServerSide.mac]
        realServerMACs = Set(topology.neighbours.values)
        self.addresses = addresses
    }

    /// nil when the frame is not an IP packet the director sent; else whether it goes
    /// toward a real server.
    func directorEmission(_ facts: PacketFacts) -> Bool? {
        guard let outer = facts.outer, !facts.isLinkHousekeeping else { return nil }
        if let type = facts.cookedPacketType {
            guard UInt16(type) == LinuxPacketType.outgoing.rawValue else { return nil }
            if let source = facts.sourceMAC, !directorMACs.contains(source) { return nil }
        } else {
            guard let source = facts.sourceMAC, directorMACs.contains(source) else { return nil }
        }
        return towardRealServer(facts, outer: outer)
    }

    func towardRealServer(_ facts: PacketFacts, outer: IPInfo) -> Bool {
        if let destination = facts.destinationMAC { return realServerMACs.contains(destination) }
        if addresses.realServers.contains(outer.destination) { return true }
        // A cooked capture has no destination MAC: a DR frame to a real server keeps the VIP.
        return addresses.virtualAddresses.contains(facts.inner?.destination ?? outer.destination)
    }
}

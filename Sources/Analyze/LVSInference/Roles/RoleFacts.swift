import LVSFlows
import LVSWire

/// What the stitched connections and the record signatures say about one capture input:
/// on which side of the director's hop it saw requests, who sent the rewritten ones and to
/// whom, and which signatures its own records showed.
struct RoleFacts {
    /// Connections whose request it saw both before and after the director's hop.
    var acrossHop = 0
    var beforeHopOnly = 0
    var afterHopOnly = 0
    /// Sources and destinations of the after-hop frames it saw.
    var afterSenders: Set<MACAddress> = []
    var afterReceivers: Set<MACAddress> = []
    /// The director's MACs at the hops it saw across: where requests entered, where the
    /// rewritten copies left.
    var forwarders: Set<MACAddress> = []
    /// Modes of the hops it saw across.
    var hopModes: Set<InferredMode> = []
    /// Signatures of its own (unstitched) records: basis, mode and the MACs involved.
    var readings: [(reading: Reading, requestSource: MACAddress?, requestTTL: ClosedRange<UInt8>?)] = []
    /// Requests toward services (any leg before the hop, and unstitched records) sent by
    /// the capturing host's own MAC, by whether their TTL was still an initial value.
    var hostSentInitial = 0
    var hostSentLowered = 0
    /// Destination addresses it saw served (TCP/UDP responders that answered).
    var served: Set<IPAddress> = []
    /// A few members already in the sets above: a repeated one (every connection through
    /// one director repeats its MACs) is found without hashing.
    private var knownForwarders: [MACAddress] = []
    private var knownSenders: [MACAddress] = []
    private var knownReceivers: [MACAddress] = []
    private var knownModes: [InferredMode] = []
    private var knownServed: [IPAddress] = []

    mutating func noteForwarder(_ mac: MACAddress) { Self.insert(mac, into: &forwarders, known: &knownForwarders) }
    mutating func noteSender(_ mac: MACAddress) { Self.insert(mac, into: &afterSenders, known: &knownSenders) }
    mutating func noteReceiver(_ mac: MACAddress) { Self.insert(mac, into: &afterReceivers, known: &knownReceivers) }
    mutating func noteMode(_ mode: InferredMode) { Self.insert(mode, into: &hopModes, known: &knownModes) }

    private static func insert<T: Hashable>(_ member: T, into set: inout Set<T>, known: inout [T]) {
        guard !known.contains(member) else { return }
        set.insert(member)
        if known.count < 8 { known.append(member) }
    }

    static func gather(_ context: InferenceContext, hops: [StitchedReading.Hop?]) -> [RoleFacts] {
        var facts = [RoleFacts](repeating: RoleFacts(), count: context.profiles.count)
        hops.withUnsafeBufferPointer { hops in
            for index in hops.indices {
                if let hop = hops[index] { facts.note(hop, context: context) }
            }
        }
        for profile in context.profiles {
            for index in profile.records {
                facts[profile.input].note(index, profile: profile, context: context)
            }
        }
        return facts
    }

    private mutating func note(_ index: Int, profile: PointProfile, context: InferenceContext) {
        // Fields read through the array: a record handed to a function, even borrowed from
        // a buffer pointer, was copied whole (440 bytes) for every record.
        let records = context.records
        if records[index].resp.packets > 0 {
            Self.insert(records[index].respAddress, into: &served, known: &knownServed)
        }
        let membership = context.stitched[index]
        // The leg of the first request (`primaryLeg`, which lives in another module).
        let firstLeg = records[index].linkLegs.first { $0.direction == .orig }?.leg
        if profile.link == .host, let source = firstLeg?.source, profile.hostMACs.contains(source),
           membership.map({ $0.rewrites.isEmpty }) ?? true, let ttl = records[index].orig.ttl {
            if InitialTTL.isInitial(ttl) { hostSentInitial += 1 } else { hostSentLowered += 1 }
        }
        guard membership == nil, let reading = RecordSignatures(context: context).read(records[index]) else { return }
        readings.append((reading, firstLeg?.source, records[index].orig.ttl))
        if reading.basis == .forwardedAtOnePoint { for mac in reading.directorMACs { noteForwarder(mac) } }
    }
}

import LVSWire

/// The IPVS connection table (`ip_vs_conn_tab`) with its two lookups and the persistence
/// templates, plus the timers, driven by capture time.
///
/// Entries live in slots reused through a free list, so memory follows the number of live
/// entries, not the number of packets. Three indexes:
/// - inbound `<proto, client, cport, vaddr, vport>` (`ip_vs_conn_in_get`);
/// - outbound `<proto, daddr, dport, client, cport>`, or `<proto, daddr, dport, laddr,
///   lport>` for FULL-NAT (`ip_vs_conn_out_get`; FULL-NAT hashes this second tuple);
/// - templates `<proto, client & mask, 0, vaddr, vport or 0>` (`ip_vs_ct_in_get`).
/// One-packet entries are never indexed. When two entries share a key the newer one wins,
/// as the kernel's head-inserted hash chains do.
public struct ConnectionTable: Sendable {
    private var slots: [Connection] = []
    private var generations: [UInt32] = []
    private var live: [Bool] = []
    /// The earliest deadline queued in the heap for each slot (Int64.max for none).
    private var queued: [Int64] = []
    private var freeSlots: [Int32] = []
    private var inbound = FlowIndex()
    private var outbound = FlowIndex()
    private var templates = FlowIndex()
    private var heap = ExpiryHeap()
    public private(set) var liveCount = 0

    public init() {}

    public subscript(slot: Int32) -> Connection {
        get { slots[Int(slot)] }
        _modify { yield &slots[Int(slot)] }
    }

    func isLive(_ slot: Int32) -> Bool { Int(slot) < live.count && live[Int(slot)] }

    func inbound(_ key: FlowKey) -> Int32? { inbound.find(key) }
    func outbound(_ key: FlowKey) -> Int32? { outbound.find(key) }
    func template(_ key: FlowKey) -> Int32? { templates.find(key) }

    /// Every live entry and template, in slot order (deterministic for a given input).
    public var entries: [Connection] {
        slots.indices.filter { live[$0] }.map { slots[$0] }
    }

    /// Adds an entry; `hashed` is false for one-packet entries. Returns its slot.
    @discardableResult
    mutating func add(_ connection: Connection, hashed: Bool, templateKey: FlowKey? = nil) -> Int32 {
        let slot: Int32
        if let reused = freeSlots.popLast() {
            slot = reused
            slots[Int(slot)] = connection
            generations[Int(slot)] &+= 1
            live[Int(slot)] = true
            queued[Int(slot)] = .max
        } else {
            slot = Int32(slots.count)
            slots.append(connection)
            generations.append(0)
            live.append(true)
            queued.append(.max)
        }
        liveCount += 1
        if let templateKey {
            templates.set(templateKey, slot)
        } else if hashed {
            inbound.set(connection.inboundKey, slot)
            outbound.set(connection.outboundKey, slot)
        }
        schedule(slot)
        return slot
    }

    /// Drops a template from the template index without freeing it (`ip_vs_check_template`
    /// invalidation: the entry lives on until its timer fires, but no lookup finds it).
    mutating func unindexTemplate(_ slot: Int32, key: FlowKey) {
        templates.remove(key, ifSlot: slot)
    }

    /// Re-indexes the outbound key after FULL-NAT assigned the local address and port.
    mutating func indexOutbound(_ slot: Int32) {
        outbound.set(slots[Int(slot)].outboundKey, slot)
    }

    /// Unlinks and frees an entry.
    mutating func remove(_ slot: Int32, templateKey: FlowKey? = nil) {
        let connection = slots[Int(slot)]
        if let templateKey {
            unindexTemplate(slot, key: templateKey)
        } else {
            inbound.remove(connection.inboundKey, ifSlot: slot)
            outbound.remove(connection.outboundKey, ifSlot: slot)
        }
        live[Int(slot)] = false
        freeSlots.append(slot)
        liveCount -= 1
    }

    /// Queues the entry's timer after its `expiry` changed. A later deadline reuses the
    /// queued entry (it is re-queued when it surfaces); an earlier one queues a new entry.
    mutating func schedule(_ slot: Int32) {
        let deadline = slots[Int(slot)].expiry.rawValue
        guard deadline < queued[Int(slot)] else { return }
        queued[Int(slot)] = deadline
        heap.push(.init(deadline: deadline, slot: slot, generation: generations[Int(slot)]))
        if heap.count > 2 * liveCount + 1024 { compactHeap() }
    }

    /// The next entry whose timer fires at or before `now`, with its firing time.
    mutating func nextExpired(upTo now: Timestamp) -> (slot: Int32, time: Timestamp)? {
        while let top = heap.first, top.deadline <= now.rawValue {
            _ = heap.popFirst()
            let slot = Int(top.slot)
            guard live[slot], generations[slot] == top.generation, queued[slot] == top.deadline else { continue }
            queued[slot] = .max
            let expiry = slots[slot].expiry.rawValue
            if expiry > top.deadline {
                schedule(top.slot)
                continue
            }
            return (top.slot, Timestamp(rawValue: top.deadline))
        }
        return nil
    }

    /// Rebuilds the heap from the live entries when stale entries pile up.
    private mutating func compactHeap() {
        heap.removeAll(keepingCapacity: true)
        for slot in slots.indices where live[slot] {
            queued[slot] = slots[slot].expiry.rawValue
            heap.push(.init(deadline: queued[slot], slot: Int32(slot), generation: generations[slot]))
        }
    }
}

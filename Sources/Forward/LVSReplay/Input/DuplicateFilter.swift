import LVSWire

/// Feeds each packet once when several inputs captured it (the client's capture and the
/// director's client-side capture, a segment and a router capture): a packet is a copy
/// when another input point already fed the same invariant content (alignment key,
/// addresses, ports, sequence numbers) within `window`. Copies at the same point are real
/// duplicates on the wire and are fed again; each earlier packet absorbs at most one copy
/// per other point, so a retransmission seen at two points is fed once too.
struct DuplicateFilter: Sendable {
    struct Identity: Hashable, Sendable {
        var key: AlignmentKey
        var source: IPAddress
        var destination: IPAddress
        var ports: UInt32
        var sequence: UInt32
        var acknowledgement: UInt32
    }

    private struct Seen: Sendable {
        var time: Timestamp
        /// Bit per input point that has fed or absorbed a copy.
        var points: UInt64
    }

    let window: Int64
    private var seen: [Identity: [Seen]] = [:]
    private var order: [(time: Timestamp, identity: Identity)] = []
    private var head = 0

    init(window: Int64 = 50_000_000) {
        self.window = window
    }

    static func identity(_ facts: PacketFacts) -> Identity? {
        guard let key = facts.key, let inner = facts.inner else { return nil }
        let ports = facts.tuple.map { UInt32($0.sourcePort) << 16 | UInt32($0.destinationPort) } ?? 0
        return Identity(key: key, source: inner.source, destination: inner.destination, ports: ports,
                        sequence: facts.sequence, acknowledgement: facts.acknowledgement)
    }

    /// True when the packet is a copy of one fed from another point (`point` < 64).
    mutating func isCopy(_ identity: Identity, point: Int, time: Timestamp) -> Bool {
        expire(before: time)
        let bit = UInt64(1) << UInt64(point)
        if var entries = seen[identity] {
            let window = window
            let near = { (seen: Seen) in abs(seen.time.rawValue - time.rawValue) <= window }
            if let index = entries.firstIndex(where: { $0.points & bit == 0 && near($0) }) {
                entries[index].points |= bit
                seen[identity] = entries
                return true
            }
            entries.append(Seen(time: time, points: bit))
            seen[identity] = entries
        } else {
            seen[identity] = [Seen(time: time, points: bit)]
        }
        order.append((time, identity))
        return false
    }

    private mutating func expire(before time: Timestamp) {
        while head < order.count, time.rawValue - order[head].time.rawValue > window {
            let identity = order[head].identity
            if var entries = seen[identity] {
                entries.removeAll { time.rawValue - $0.time.rawValue > window }
                seen[identity] = entries.isEmpty ? nil : entries
            }
            head += 1
        }
        if head > 4096, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}

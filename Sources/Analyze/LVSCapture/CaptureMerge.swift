import LVSWire

/// Several capture files read as one stream in timestamp order.
///
/// Ties are broken by input order, then frame number, so the order is stable and does
/// not depend on timing. Each input has at most one pending packet, and a reader is only
/// asked for its next packet after its pending one has been handed out: the pending
/// packet's bytes therefore stay valid in that reader's own buffer (libpcap's or the
/// mapping) and nothing is copied. Choosing the earliest of k pending packets is a linear
/// scan: k is the number of capture points, a handful. Not thread-safe: one merge, one task.
public final class CaptureMerge {
    public let readers: [CaptureReader]
    // A merge is not shared (one merge, one task, like its readers): the runtime
    // exclusivity checks on these per-packet accesses, two `swift_beginAccess` calls per
    // packet (about 2% of `lvscope flows`), guard nothing.
    @exclusivity(unchecked) private var pending: [BorrowedPacket?]
    @exclusivity(unchecked) private var primed = false
    /// The input whose packet was handed out last; it is refilled on the next call.
    @exclusivity(unchecked) private var lastInput: Int?
    /// The packet `takePackets` was refused, offered first on its next call.
    @exclusivity(unchecked) private var declined: (input: Int, packet: BorrowedPacket)?

    public init(readers: [CaptureReader]) {
        self.readers = readers
        self.pending = Array(repeating: nil, count: readers.count)
    }

    public convenience init(paths: [String], acceptingUnsupportedLinkTypes: Bool = false) throws(CaptureError) {
        var readers: [CaptureReader] = []
        for path in paths {
            readers.append(try CaptureReader(path: path, acceptingUnsupportedLinkTypes: acceptingUnsupportedLinkTypes))
        }
        self.init(readers: readers)
    }

    /// The next packet across all inputs with its input index, or nil when all are done.
    /// The bytes are valid until the next call.
    public func nextPacket() throws(CaptureError) -> (input: Int, packet: BorrowedPacket)? {
        // One input has nothing to merge: its reader's order is the order.
        if readers.count == 1 { return try readers[0].nextPacket().map { (0, $0) } }
        if !primed {
            primed = true
            for input in readers.indices { pending[input] = try readers[input].nextPacket() }
        } else if let input = lastInput {
            pending[input] = try readers[input].nextPacket()
        }
        var earliest: Int?
        var earliestTime = Timestamp(rawValue: .max)
        for input in pending.indices {
            guard let packet = pending[input] else { continue }
            if earliest == nil || packet.record.timestamp < earliestTime {
                earliest = input
                earliestTime = packet.record.timestamp
            }
        }
        lastInput = earliest
        guard let input = earliest, let packet = pending[input] else { return nil }
        return (input, packet)
    }

    /// Offers the packets to `accept` in the same order as `nextPacket()` until it refuses
    /// one (false) or every input has ended (then returns true). A refused packet is offered
    /// first on the next call; its bytes stay valid, as its reader is not asked for more in
    /// between. For consumers that take packets in runs (flow collection fills batches):
    /// one call per run instead of a call, a retain and a tuple per packet.
    public func takePackets(_ accept: (_ input: Int, _ packet: BorrowedPacket) -> Bool) throws(CaptureError) -> Bool {
        if let (input, packet) = declined {
            declined = nil
            guard accept(input, packet) else {
                declined = (input, packet)
                return false
            }
        }
        if readers.count == 1 {
            let reader = readers[0]
            while let packet = try reader.nextPacket() {
                guard accept(0, packet) else {
                    declined = (0, packet)
                    return false
                }
            }
            return true
        }
        while let (input, packet) = try nextPacket() {
            guard accept(input, packet) else {
                declined = (input, packet)
                return false
            }
        }
        return true
    }

    /// Hands every packet of every input to `body` in time order; `body` gets the input
    /// index, the record (frame number within its own file) and the borrowed bytes.
    @discardableResult
    public func forEachPacket(
        _ body: (Int, PacketRecord, UnsafeRawBufferPointer) throws -> PacketLoopControl
    ) throws -> CaptureMergeSummary {
        var packets = 0
        var stopped = false
        while let (input, packet) = try nextPacket() {
            packets += 1
            if try body(input, packet.record, packet.bytes) == .stop {
                stopped = true
                break
            }
        }
        let inputs = readers.map {
            CaptureReadSummary(packets: $0.packetsRead, truncatedTail: $0.truncatedTail, stopped: false)
        }
        return CaptureMergeSummary(packets: packets, stopped: stopped, inputs: inputs)
    }
}

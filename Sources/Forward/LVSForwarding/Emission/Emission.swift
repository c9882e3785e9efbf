import LVSWire

/// One thing the director did with (or because of) an input frame: a frame sent out of
/// `side`, or a drop. Drops carry no frame and no side.
public struct Emission: Sendable {
    public var verdict: Verdict
    public var side: Side?
    /// Capture time of the input frame, or the timer's firing time for expiry resets.
    public var time: Timestamp
    /// The emitted frame; nil for drops. Valid until the owning `Emissions` is cleared.
    public var frame: PacketBuffer?

    public init(verdict: Verdict, side: Side?, time: Timestamp, frame: PacketBuffer?) {
        self.verdict = verdict
        self.side = side
        self.time = time
        self.frame = frame
    }
}

// PacketBuffer is a reference whose bytes change only while the director fills it.
extension PacketBuffer: @unchecked Sendable {}

/// The output of `Director.process`: emissions in order, with a pool of frame buffers
/// reused across calls so the per-packet path allocates nothing once warmed up. Call
/// `removeAll()` between frames (or let several frames accumulate).
public struct Emissions: Sendable {
    public private(set) var records: [Emission] = []
    private var pool: [PacketBuffer] = []
    private var used = 0

    public init() {
        records.reserveCapacity(8)
    }

    public var count: Int { records.count }
    public var isEmpty: Bool { records.isEmpty }
    public subscript(index: Int) -> Emission { records[index] }

    /// Forgets the emissions; their buffers are reused by the next ones.
    public mutating func removeAll() {
        records.removeAll(keepingCapacity: true)
        used = 0
    }

    /// A buffer for the next emitted frame.
    mutating func takeBuffer() -> PacketBuffer {
        if used == pool.count { pool.append(PacketBuffer()) }
        used += 1
        return pool[used - 1]
    }

    mutating func append(_ emission: Emission) {
        records.append(emission)
    }

    mutating func drop(_ reason: DropReason, at time: Timestamp) {
        records.append(Emission(verdict: .dropped(reason), side: nil, time: time, frame: nil))
    }
}

import LVSCapture
import LVSDecode
import LVSWire

/// A run of packets read and decoded ahead of the trackers, with their own copy of the
/// start of each frame that the trackers read (a reader reuses its buffer on its next
/// read; the batch must stay valid until the trackers are done with it).
///
/// A batch belongs to one thread at a time; `BatchQueue` hands it over (its lock orders
/// the memory accesses), which is why it can be `@unchecked Sendable`.
final class DecodedBatch: @unchecked Sendable {
    /// Why reading stopped, set on the last batch.
    enum End {
        case finished
        case failed(CaptureError)
    }

    let capacity: Int
    private(set) var count = 0
    var end: End?
    let inputs: UnsafeMutablePointer<Int>
    let records: UnsafeMutablePointer<PacketRecord>
    let frames: UnsafeMutablePointer<UnsafeRawBufferPointer>
    /// Decoded in place (a `DecodedPacket` is about 700 bytes; copying it costs).
    let packets: UnsafeMutablePointer<DecodedPacket>
    private var arena: UnsafeMutableRawPointer
    private var arenaCapacity: Int
    private var arenaUsed = 0

    init(capacity: Int, arenaBytes: Int) {
        self.capacity = capacity
        inputs = .allocate(capacity: capacity)
        inputs.initialize(repeating: 0, count: capacity)
        records = .allocate(capacity: capacity)
        records.initialize(repeating: PacketRecord(frameNumber: 0, timestamp: Timestamp(rawValue: 0), capturedLength: 0,
                                                   originalLength: 0, linkType: .ethernet, interfaceIndex: 0),
                           count: capacity)
        frames = .allocate(capacity: capacity)
        frames.initialize(repeating: UnsafeRawBufferPointer(start: nil, count: 0), count: capacity)
        packets = .allocate(capacity: capacity)
        packets.initialize(repeating: DecodedPacket(), count: capacity)
        arenaCapacity = arenaBytes
        arena = .allocate(byteCount: arenaBytes, alignment: 16)
    }

    deinit {
        inputs.deinitialize(count: capacity).deallocate()
        records.deinitialize(count: capacity).deallocate()
        frames.deinitialize(count: capacity).deallocate()
        packets.deinitialize(count: capacity).deallocate()
        arena.deallocate()
    }

    func reset() {
        count = 0
        arenaUsed = 0
        end = nil
    }

    /// Decodes the frame into the next slot and keeps a copy of the part the trackers read
    /// (`PayloadDigest.bytesRead`). False, with nothing added, when that part does not fit
    /// in the arena any more; an empty batch takes any frame (its arena grows).
    func append(input: Int, _ packet: BorrowedPacket, decoder: PacketDecoder) -> Bool {
        guard count < capacity else { return false }
        // Decoded from the reader's buffer: the decoded packet holds values and offsets,
        // no pointers into the frame.
        decoder.decode(packet.bytes, linkType: packet.record.linkType, originalLength: packet.record.originalLength,
                       into: &packets[count])
        let kept = min(packet.bytes.count, PayloadDigest.bytesRead(of: packets[count]))
        if arenaUsed + kept > arenaCapacity {
            guard count == 0 else { return false }
            arena.deallocate()
            arenaCapacity = kept
            arena = .allocate(byteCount: kept, alignment: 16)
        }
        let start = arena + arenaUsed
        if let source = packet.bytes.baseAddress, kept > 0 { start.copyMemory(from: source, byteCount: kept) }
        // The next copy starts 8-aligned, as a reader's buffer would give it.
        arenaUsed = min(arenaCapacity, arenaUsed + (kept + 7) & ~7)
        inputs[count] = input
        records[count] = packet.record
        frames[count] = UnsafeRawBufferPointer(start: start, count: kept)
        count += 1
        return true
    }
}

import LVSCapture
import LVSDecode
import LVSWire

/// A run of packets read and decoded ahead of the trackers, with each one's payload
/// digest, the only thing the trackers needed its bytes for (a reader reuses its buffer
/// on its next read, so the bytes are gone by the time a tracker gets the packet).
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
    /// Inputs whose readers met interfaces declared after the first packet while this
    /// batch was filled, with all their interfaces so far: sub-points take their names.
    var interfaces: [(input: Int, interfaces: [CaptureInterface])] = []
    let inputs: UnsafeMutablePointer<Int>
    let records: UnsafeMutablePointer<PacketRecord>
    /// `PayloadDigest.digest(of:in:)` of each packet.
    let digests: UnsafeMutablePointer<UInt32>
    /// Decoded in place (a `DecodedPacket` is about 700 bytes; copying it costs).
    let packets: UnsafeMutablePointer<DecodedPacket>

    init(capacity: Int) {
        self.capacity = capacity
        inputs = .allocate(capacity: capacity)
        inputs.initialize(repeating: 0, count: capacity)
        records = .allocate(capacity: capacity)
        records.initialize(repeating: PacketRecord(frameNumber: 0, timestamp: Timestamp(rawValue: 0), capturedLength: 0,
                                                   originalLength: 0, linkType: .ethernet, interfaceIndex: 0),
                           count: capacity)
        digests = .allocate(capacity: capacity)
        digests.initialize(repeating: 0, count: capacity)
        packets = .allocate(capacity: capacity)
        packets.initialize(repeating: DecodedPacket(), count: capacity)
    }

    deinit {
        inputs.deinitialize(count: capacity).deallocate()
        records.deinitialize(count: capacity).deallocate()
        digests.deinitialize(count: capacity).deallocate()
        packets.deinitialize(count: capacity).deallocate()
    }

    func reset() {
        count = 0
        end = nil
        interfaces.removeAll(keepingCapacity: true)
    }

    /// Decodes the frame into the next slot and digests its payload; false, with nothing
    /// added, when the batch is full.
    func append(input: Int, _ packet: BorrowedPacket, decoder: PacketDecoder) -> Bool {
        guard count < capacity else { return false }
        // Decoded from the reader's buffer: the decoded packet holds values and offsets,
        // no pointers into the frame.
        decoder.decode(packet.bytes, linkType: packet.record.linkType, originalLength: packet.record.originalLength,
                       into: &packets[count])
        digests[count] = PayloadDigest.digest(of: packets + count, in: packet.bytes)
        inputs[count] = input
        records[count] = packet.record
        count += 1
        return true
    }
}

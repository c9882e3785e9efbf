import Glibc
import LVSCapture
import LVSDecode

/// Reads and decodes the merged captures in batches, on a thread of its own when one can
/// be started: reading plus decoding costs about as much as tracking, and the two then
/// overlap on a second core. The batches come out in the merge's order either way, so
/// the flows do not depend on it.
final class ReadAhead: @unchecked Sendable {
    /// How the reading is split up (tests make batches tiny to cross every boundary).
    struct Shape {
        var threaded = true
        // 1024 packets a batch: each handoff can wake the other thread, which costs most on
        // a virtual machine. Measured on the 1.5M-packet file: 512 woke a sleeping side
        // five times as often (futex calls) and took 6% longer; 2048 and 4096 were no
        // faster (their batches outgrow the caches). The four in flight take about 3 MB.
        var batchPackets = 1024
        /// Filling, waiting, being tracked, and one spare so that neither side waits on a
        /// slow spell of the other.
        var batchCount = 4
        /// When progress is reported (tests report from the first batch on).
        var progressPace = ReadProgressReporter.Pace()
    }

    // Owned by the reading thread while it runs, by the caller before and after.
    private let merge: CaptureMerge
    private let decoder: PacketDecoder
    private let filled = BatchQueue()
    private let free = BatchQueue()
    private var thread: pthread_t?
    /// The one batch when reading happens on the caller's thread.
    private var inline: DecodedBatch?
    private var progress: ReadProgressReporter?
    /// How many interfaces each reader had described when the last batch was filled.
    private var interfaceCounts: [Int]

    init(merge: CaptureMerge, decoder: PacketDecoder, shape: Shape, progress handler: ReadProgressHandler? = nil) {
        self.merge = merge
        self.decoder = decoder
        interfaceCounts = merge.readers.map(\.info.interfaces.count)
        progress = handler.map { ReadProgressReporter(handler: $0, pace: shape.progressPace, readers: merge.readers) }
        let batches = (0..<(shape.threaded ? max(2, shape.batchCount) : 1)).map { _ in
            DecodedBatch(capacity: max(1, shape.batchPackets))
        }
        guard shape.threaded else {
            inline = batches.first
            return
        }
        for batch in batches { free.put(batch) }
        thread = startThread { [self] in readAll() }
        if thread == nil {
            // No thread to be had (resource limits): read on the caller's thread.
            inline = batches.first
        }
    }

    /// The next batch in order; its `end` is set on the last one. Hand it back with
    /// `recycle` before asking for the next.
    func next() -> DecodedBatch {
        guard let batch = inline else { return filled.take() }
        fill(batch)
        return batch
    }

    func recycle(_ batch: DecodedBatch) {
        if inline == nil { free.put(batch) }
    }

    /// Waits for the reading thread, which has ended once the last batch was handed out.
    func finish() {
        guard let thread else { return }
        pthread_join(thread, nil)
        self.thread = nil
    }

    private func readAll() {
        while true {
            let batch = free.take()
            fill(batch)
            let last = batch.end != nil
            filled.put(batch)
            if last { return }
        }
    }

    private func fill(_ batch: DecodedBatch) {
        batch.reset()
        do {
            // A packet the full batch refused is offered first to the next one, which takes
            // any packet while empty.
            if try merge.takePackets({ input, packet in batch.append(input: input, packet, decoder: decoder) }) {
                batch.end = .finished
            }
        } catch {
            batch.end = .failed(error)
        }
        // A pcapng interface is described before its first packet: by the end of the batch
        // that holds the packet, its reader knows it.
        for (input, reader) in merge.readers.enumerated() where reader.info.interfaces.count != interfaceCounts[input] {
            interfaceCounts[input] = reader.info.interfaces.count
            batch.interfaces.append((input, reader.info.interfaces))
        }
        progress?.note(merge.readers, finished: batch.end != nil)
    }
}

/// Puts together the collection's records in `FlowCollection.order`: the records emitted
/// while reading, and those of the flows still live at the end of input, which are made
/// straight into their sorted places. Sorting after the fact would move every
/// (440-byte) record once more, and making the live records into an array of their own
/// first would copy them again. A copy into fresh memory also pays a page fault per
/// 4 KiB (about 1.5 µs on the virtual machines the benchmarks run on), hence huge pages.
enum RecordAssembly {
    /// Where a record comes from: `emitted[index]` (tracker −1), or the live flow in
    /// slot `index` of `trackers[tracker]`.
    struct Source {
        var time: Int64
        var uid: UInt64
        var tracker: Int32
        var index: UInt32
    }

    /// With this many records or more, the live ones are made on two threads (tests lower it).
    static let defaultParallel = 4096

    /// The records in order; afterwards every tracker is empty, as after `finish()`.
    /// Ties on (first time, uid) keep the order a `finish()` of each tracker in turn would
    /// have appended them in: emitted ones first, then each tracker's by slot.
    static func assemble(emitted: [FlowRecord], trackers: [FlowTracker], parallel: Int = defaultParallel)
        -> [FlowRecord] {
        let live = trackers.reduce(0) { $0 + $1.statistics.liveFlows }
        var sources: [Source] = []
        sources.reserveCapacity(emitted.count + live)
        for i in emitted.indices {
            sources.append(Source(time: emitted[i].firstTime.rawValue, uid: emitted[i].uid.rawValue, tracker: -1,
                                  index: UInt32(i)))
        }
        // A live flow's uid is a hash of its key (FlowUID), about 90 ns each: with many, the
        // upper half of each tracker's slots is read on a second thread. The sort below
        // orders the sources whatever order they come in (its key is unique).
        let reading = Making(sources: [], emitted: [], trackers: trackers)
        for t in trackers.indices {
            let limit = trackers[t].liveSlotLimit
            if live >= parallel {
                let (lower, upper) = inParallel({ reading.sources(of: t, in: 0..<limit / 2) },
                                                { reading.sources(of: t, in: limit / 2..<limit) })
                sources.append(contentsOf: lower)
                sources.append(contentsOf: upper)
            } else {
                sources.append(contentsOf: reading.sources(of: t, in: 0..<limit))
            }
        }
        sources.sort { ($0.time, $0.uid, $0.tracker, $0.index) < ($1.time, $1.uid, $1.tracker, $1.index) }
        let making = Making(sources: sources, emitted: emitted, trackers: trackers)
        let records = [FlowRecord](unsafeUninitializedCapacity: sources.count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            HugePages.advise(UnsafeMutableRawPointer(base), bytes: buffer.count * MemoryLayout<FlowRecord>.stride)
            let target = Target(base: base)
            let count = sources.count
            if count >= parallel {
                _ = inParallel({ making.make(0..<count / 2, into: target) },
                               { making.make(count / 2..<count, into: target) })
            } else {
                making.make(0..<count, into: target)
            }
            initialized = count
        }
        for tracker in trackers { tracker.dropLive() }
        return records
    }

    /// What the two threads read: the sources, the emitted records and the trackers, which
    /// making a record (or reading its source) only reads.
    private struct Making: @unchecked Sendable {
        let sources: [Source]
        let emitted: [FlowRecord]
        let trackers: [FlowTracker]

        /// The live flows of `trackers[tracker]` among `slots`.
        func sources(of tracker: Int, in slots: Range<UInt32>) -> [Source] {
            var found: [Source] = []
            trackers[tracker].forEachLive(in: slots) { slot, time, uid in
                found.append(Source(time: time, uid: uid, tracker: Int32(tracker), index: slot))
            }
            return found
        }

        func make(_ range: Range<Int>, into target: Target) {
            for k in range {
                let source = sources[k]
                let slot = target.base + k
                if source.tracker < 0 {
                    slot.initialize(to: emitted[Int(source.index)])
                } else {
                    slot.initialize(to: trackers[Int(source.tracker)].liveRecord(slot: source.index, uid: source.uid))
                }
            }
        }
    }

    /// The uninitialized records; each thread initializes its own range of them.
    private struct Target: @unchecked Sendable {
        let base: UnsafeMutablePointer<FlowRecord>
    }
}

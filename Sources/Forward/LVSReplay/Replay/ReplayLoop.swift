import LVSCapture
import LVSConfig
import LVSDecode
import LVSForwarding
import LVSWire

/// The per-packet loop of a replay: read, select, de-duplicate, translate, feed, write,
/// compare. Feeds captured Ethernet frames without copying; cooked, tagged and translated
/// frames go through one reused scratch buffer.
struct ReplayLoop {
    let entry: EntryClassifier
    let pointNames: [String]
    let merge: CaptureMerge
    var director: Director
    var emissions = Emissions()
    var comparator: Comparator?
    let writer: CaptureWriter?
    var duplicates: DuplicateFilter?
    var counts = ReplayCounts()
    var droppedBy: [String: Int] = [:]
    let decoder = PacketDecoder()
    var packet = DecodedPacket()
    var scratch: [UInt8] = []
    var progress: ReadProgressReporter?

    init(runner: ReplayRunner, topology: DirectorTopology, addresses: DeploymentAddresses,
         comparator: Comparator?) throws(ReplayError) {
        let options = runner.options
        entry = EntryClassifier(topology: topology, addresses: addresses)
        pointNames = options.inputs.map(\.point)
        do {
            merge = try CaptureMerge(paths: options.inputs.map(\.path))
            writer = try options.outputPath.map { path throws(CaptureError) in
                try CaptureWriter(path: path, linkType: .ethernet, nanosecond: true)
            }
        } catch {
            throw ReplayError(error)
        }
        director = Director(deployment: runner.deployment, profile: runner.profile, topology: topology,
                            settings: options.settings)
        self.comparator = comparator
        duplicates = options.inputs.count > 1 ? DuplicateFilter() : nil
        progress = options.progress.map { [merge] in ReadProgressReporter(handler: $0, readers: merge.readers) }
        scratch.reserveCapacity(PacketBuffer.capacity)
    }

    mutating func run() throws(ReplayError) {
        defer { progress?.note(merge.readers, finished: true) }
        do {
            // One input needs no merge: its reader's order is the time order the merge keeps.
            if merge.readers.count == 1 {
                let reader = merge.readers[0]
                while let borrowed = try reader.nextPacket() {
                    try feed(0, borrowed)
                    progress?.packetRead(merge.readers)
                }
            } else {
                while let (point, borrowed) = try merge.nextPacket() {
                    try feed(point, borrowed)
                    progress?.packetRead(merge.readers)
                }
            }
            try writer?.close()
        } catch {
            throw ReplayError(error)
        }
    }

    private mutating func feed(_ point: Int, _ borrowed: BorrowedPacket) throws(CaptureError) {
        counts.read += 1
        let record = borrowed.record
        // Without a comparison or de-duplication nothing but the side needs the decode.
        if comparator == nil, duplicates == nil, record.linkType == .ethernet {
            switch entry.quickSide(borrowed.bytes) {
            case .ignored:
                return
            case let .enters(side):
                counts.input += 1
                director.process(borrowed.bytes, from: side, at: record.timestamp, into: &emissions)
                return try collect(point: point, record: record, tuple: nil)
            case .undecided:
                break
            }
        }
        decoder.decode(borrowed.bytes, linkType: record.linkType, originalLength: record.originalLength, into: &packet)
        let facts = PacketFacts(packet, bytes: borrowed.bytes, withKey: duplicates != nil)
        guard let side = entry.side(facts) else { return }
        if duplicates != nil, let identity = DuplicateFilter.identity(facts),
           duplicates?.isCopy(identity, point: point, time: record.timestamp) == true {
            counts.duplicates += 1
            return
        }
        counts.input += 1
        let plain = entry.isPlainEthernet(facts, linkType: record.linkType)
        var translated = false
        if side == .realServer, comparator != nil {
            if plain {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: borrowed.bytes)
            } else {
                entry.rebuild(borrowed.bytes, facts, side: side, into: &scratch)
            }
            translated = translate(facts)
        }
        if translated || !plain {
            if !translated { entry.rebuild(borrowed.bytes, facts, side: side, into: &scratch) }
            let frame = scratch
            frame.withUnsafeBytes { director.process($0, from: side, at: record.timestamp, into: &emissions) }
        } else {
            director.process(borrowed.bytes, from: side, at: record.timestamp, into: &emissions)
        }
        try collect(point: point, record: record, tuple: facts.tuple)
    }

    /// Carries a real server's frame (in `scratch`) into the model's view of its connection.
    private mutating func translate(_ facts: PacketFacts) -> Bool {
        guard let comparator else { return false }
        var decoded = DecodedPacket()
        return scratch.withUnsafeMutableBytes { frame in
            let bytes = UnsafeRawBufferPointer(frame)
            decoder.decode(bytes, linkType: .ethernet, originalLength: frame.count, into: &decoded)
            return comparator.translateReply(frame, PacketFacts(decoded, bytes: bytes, withKey: false), packet: decoded)
        }
    }

    /// Counts and writes the emissions of one input frame and hands them to the comparator;
    /// `tuple` is the input's client flow (only the comparator needs it).
    private mutating func collect(point: Int, record: PacketRecord, tuple: FlowTuple?) throws(CaptureError) {
        // Fields are read in place: copying an Emission out would retain its buffer and copy
        // its verdict once more per frame.
        let records = emissions.records
        for index in records.indices {
            if case let .dropped(reason) = records[index].verdict {
                counts.dropped += 1
                droppedBy[reason.description, default: 0] += 1
                continue
            }
            guard let frame = records[index].frame, let side = records[index].side else { continue }
            counts.emitted += 1
            try writer?.write(timestamp: records[index].time, bytes: frame.bytes)
            guard comparator != nil else { continue }
            var connection: ClientFlow?
            if case .forwarded(_, .inbound) = records[index].verdict { connection = tuple }
            comparator?.compare(ExpectedPacket(
                frame: counts.emitted, time: records[index].time, side: side, verdict: records[index].verdict,
                bytes: Array(frame.bytes), inputCapture: pointNames[point], inputFrame: record.frameNumber,
                connection: connection))
        }
        emissions.removeAll()
    }

    func finishCounts() -> ReplayCounts {
        var counts = counts
        counts.droppedBy = droppedBy.sorted { $0.key < $1.key }.map { (reason: $0.key, count: $0.value) }
        return counts
    }
}

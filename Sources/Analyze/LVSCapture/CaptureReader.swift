import LVSWire

/// Reads the packets of one pcap or pcapng file, in file order, without copying them.
///
/// Which reader does the work (DESIGN.md §2):
/// - pcap files (microsecond or nanosecond magic, either byte order, link-type word with
///   FCS/reserved bits) and pcapng files with at most one interface described before the
///   first packet go through libpcap (`pcap_open_offline_with_tstamp_precision`, `pcap_next_ex`).
///   pcapng is opened with nanosecond precision; a pcap file with its own precision, so
///   that libpcap does not scale the 32-bit fields, which are then read as unsigned and
///   scaled to nanoseconds here (`timestamp(of:)`). libpcap does not say which pcapng
///   interface a packet came from; with one interface that is interface 0. libpcap cuts
///   a pcap record longer than the file's snaplen to the snaplen (tshark keeps it whole).
/// - pcapng files with several interfaces before the first packet go through
///   `PcapngBlockReader`, which reports each packet's interface: DESIGN.md §3 makes one
///   sub-point per interface, and libpcap refuses interfaces of different link types. So
///   do files whose one interface has a binary time resolution finer than 2^-34 s:
///   libpcap's conversion of those overflows.
/// - If libpcap fails on a pcapng file, at open or mid-file (say an interface of another
///   type declared later), the block reader takes over at the next packet and its checks
///   decide between a cut tail and a typed error.
/// - An interface or section that libpcap accepts after the first packet would read as
///   interface 0: `PcapngFollower` sees it, and the block reader takes over at it.
///
/// `info` describes the file; a pcapng interface declared after the first packet appears
/// in it once reached. Packets are numbered from 1 like tshark's `frame.number`. A file cut
/// short in its last record ends early with `truncatedTail` set (a warning, not an error).
/// Interfaces of link types outside `LinkType.supported` are refused unless
/// `acceptingUnsupportedLinkTypes` is set. After an error the reader is finished. Not
/// thread-safe: one reader, one task.
public final class CaptureReader: PacketSource {
    public let path: String
    public internal(set) var info: CaptureFileInfo
    // The per-packet path reads `libpcapHandle` and counts `packetsRead` on every call; a
    // reader is not shared (see above), so the runtime exclusivity checks (swift_beginAccess)
    // those accesses paid, about 1% of a replay, guard nothing.
    @exclusivity(unchecked) public internal(set) var packetsRead = 0
    public internal(set) var truncatedTail = false
    /// The file's size in bytes when it was opened.
    public let fileSize: Int

    enum Backend {
        case libpcap(LibpcapReadHandle)
        case blocks(PcapngBlockReader)
        case finished
    }

    var backend: Backend {
        didSet { libpcapHandle = CaptureReader.libpcapHandle(of: backend) }
    }
    /// The libpcap handle while libpcap reads: unwrapping the enum's class payload per
    /// packet would retain and release it each time.
    @exclusivity(unchecked) private var libpcapHandle: OpaquePointer?
    /// The mapping of a pcapng file, kept for the block reader to take over from libpcap.
    let pcapngFile: MappedFile?
    let acceptsUnsupportedLinkTypes: Bool
    /// For a pcapng file libpcap reads: watches for interfaces declared after the first packet.
    @exclusivity(unchecked) private var following: PcapngFollowing?
    /// Copied out of `info` so that the libpcap path touches no reference-counted storage.
    private let format: CaptureFormat
    private let libpcapLinkType: LinkType

    public init(path: String, acceptingUnsupportedLinkTypes: Bool = false) throws(CaptureError) {
        let opened = try CaptureReader.open(path: path, acceptingUnsupportedLinkTypes: acceptingUnsupportedLinkTypes)
        self.path = path
        self.info = opened.info
        self.backend = opened.backend
        self.pcapngFile = opened.pcapngFile
        self.fileSize = opened.size
        self.acceptsUnsupportedLinkTypes = acceptingUnsupportedLinkTypes
        self.format = opened.info.format
        self.libpcapLinkType = opened.info.interfaces.first?.linkType ?? LinkType(rawValue: 0)
        self.libpcapHandle = CaptureReader.libpcapHandle(of: opened.backend)
        self.following = opened.following
    }

    private static func libpcapHandle(of backend: Backend) -> OpaquePointer? {
        if case let .libpcap(handle) = backend { return handle.handle }
        return nil
    }

    // Inlined into the reading loops, with `nextFromLibpcap`: returned through memory, the
    // packet was written field by field and read back in 16-byte pieces, a stalled load
    // on every packet.
    @inline(__always)
    public func nextPacket() throws(CaptureError) -> BorrowedPacket? {
        if let libpcapHandle { return try nextFromLibpcap(libpcapHandle) }
        switch backend {
        case let .libpcap(handle): return try nextFromLibpcap(handle.handle)
        case let .blocks(reader): return try nextFromBlocks(reader)
        case .finished: return nil
        }
    }

    @inline(__always)
    private func nextFromLibpcap(_ handle: OpaquePointer) throws(CaptureError) -> BorrowedPacket? {
        switch LibpcapReadHandle.next(on: handle) {
        case let .packet(packet):
            packetsRead += 1
            if case let .handOver(offset)? = following?.follow(packetData: packet.bytes.baseAddress),
               let leading = following?.leading {
                packetsRead -= 1
                return try handOver(to: leading, at: offset)
            }
            guard let timestamp = timestamp(of: packet) else {
                backend = .finished
                throw CaptureError(path: path, .timestampOutOfRange(frame: packetsRead))
            }
            let record = PacketRecord(
                frameNumber: packetsRead,
                timestamp: timestamp,
                capturedLength: packet.capturedLength, originalLength: packet.originalLength,
                linkType: libpcapLinkType, interfaceIndex: 0)
            return BorrowedPacket(record: record, bytes: packet.bytes)
        case .end:
            backend = .finished
            return nil
        case let .failure(message, atEndOfFile):
            if let pcapngFile {
                return try takeOver(from: message, file: pcapngFile)
            }
            backend = .finished
            guard atEndOfFile else { throw CaptureError(path: path, .readFailed(frame: packetsRead + 1, message: message)) }
            truncatedTail = true
            return nil
        }
    }

    private func nextFromBlocks(_ reader: PcapngBlockReader) throws(CaptureError) -> BorrowedPacket? {
        let packet: BorrowedPacket?
        do {
            packet = try reader.nextPacket()
        } catch {
            backend = .finished
            throw error
        }
        if reader.interfaces.count != info.interfaces.count { adoptInterfaces(of: reader) }
        guard let packet else {
            truncatedTail = reader.truncatedTail
            backend = .finished
            return nil
        }
        packetsRead = reader.packetsRead
        return packet
    }

    /// pcap(5) record times are an unsigned 32-bit second count and fraction, which
    /// libpcap's `struct timeval` carries sign-extended: read them back as unsigned (so
    /// 2038–2106 stay in the future) and scale microseconds in 64 bits. A fraction of a
    /// second or more (fuzzed files) carries into the seconds. pcapng times arrive already
    /// converted to seconds and nanoseconds.
    /// nil for a pcapng time outside `Timestamp.capturedRange` (pcap times cannot be).
    @inline(__always)
    private func timestamp(of packet: LibpcapPacket) -> Timestamp? {
        let seconds = Int64(UInt32(truncatingIfNeeded: packet.seconds))
        let fraction = Int64(UInt32(truncatingIfNeeded: packet.fraction))
        switch format {
        case .pcapMicroseconds: return Timestamp(rawValue: seconds * 1_000_000_000 + fraction * 1000)
        case .pcapNanoseconds: return Timestamp(rawValue: seconds * 1_000_000_000 + fraction)
        case .pcapng: return .captured(seconds: packet.seconds, nanoseconds: packet.fraction)
        }
    }

    /// Continues a pcapng file with the block reader after libpcap failed: where its last
    /// packet ended when it was followed, else from the start, skipping the packets libpcap
    /// already delivered.
    private func takeOver(from message: String, file: MappedFile) throws(CaptureError) -> BorrowedPacket? {
        if let following { return try handOver(to: following.leading, at: following.follower.position) }
        let reader = PcapngBlockReader(file: file, acceptingUnsupportedLinkTypes: acceptsUnsupportedLinkTypes)
        backend = .finished
        while reader.packetsRead < packetsRead {
            // Fewer packets than libpcap delivered: the two readers disagree; report libpcap's error.
            guard try reader.nextPacket() != nil else {
                throw CaptureError(path: path, .readFailed(frame: packetsRead + 1, message: message))
            }
        }
        backend = .blocks(reader)
        info.backend = .pcapngBlockReader
        return try nextFromBlocks(reader)
    }

    /// Continues with `leading`, the block reader that scanned the leading blocks, at `offset` (see
    /// `PcapngFollower`), after the `packetsRead` packets libpcap delivered. A packet
    /// libpcap returned past them is dropped: the block reader reads it again.
    private func handOver(to leading: PcapngBlockReader, at offset: Int) throws(CaptureError) -> BorrowedPacket? {
        following = nil
        leading.resume(at: offset, packetsRead: packetsRead)
        backend = .blocks(leading)
        info.backend = .pcapngBlockReader
        return try nextFromBlocks(leading)
    }

    private func adoptInterfaces(of reader: PcapngBlockReader) {
        info.interfaces = reader.interfaces
        info.snaplen = reader.interfaces.map(\.snaplen).max() ?? 0
    }
}

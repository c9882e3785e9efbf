import LVSWire

/// A small pcapng reader (draft-ietf-opsawg-pcapng) for the files libpcap refuses.
///
/// libpcap 1.10 stops at an Interface Description Block whose link type or snaplen
/// differs from the first one (libpcap issues 1252 and 1321: `dumpcap -i eth0 -i tunl0`),
/// and never says which interface a packet came from. DESIGN.md §2 keeps libpcap for
/// everything else; `CaptureReader` hands pcapng files with several interfaces to this
/// reader, which knows each packet's interface.
///
/// It reads the whole file through a read-only mapping and hands out packet bytes
/// from it without copying. Blocks: SHB (either byte order, section length −1 allowed,
/// several sections), IDB (`if_name`, `if_tsresol` as a power of 10 or 2, `if_tsoffset`),
/// EPB, SPB (captured length from interface 0's snaplen; no timestamp: 0 plus the
/// interface's `if_tsoffset`, as libpcap), the obsolete PB; all other blocks (ISB, NRB,
/// custom...) are skipped by their length.
/// Every length is checked (multiple of 4, at least 12, trailing equals leading, captured
/// length within the body); a violation is `CaptureError.Reason.malformedBlock` with its
/// byte offset. A last block cut short ends the file with `truncatedTail`.
public final class PcapngBlockReader: PacketSource {
    public let path: String
    /// Interfaces described so far, numbered across sections (`CaptureInterface.index`).
    public internal(set) var interfaces: [CaptureInterface] = []
    /// The `opt_comment`s of the Section Header Blocks read so far.
    public internal(set) var sectionComments: [String] = []
    /// The byte order of the first section.
    public internal(set) var byteOrder: CaptureByteOrder = .littleEndian
    public internal(set) var packetsRead = 0
    public internal(set) var truncatedTail = false

    /// Above this a block that runs past the end of the file is corrupt rather than cut
    /// (libpcap's limit on a block, 16 MiB).
    static let maximumBlockLength = 16 * 1024 * 1024

    let file: MappedFile
    var acceptsUnsupportedLinkTypes: Bool
    var offset = 0
    var section = PcapngSection(number: -1, littleEndian: true, firstInterface: 0)
    /// What a packet needs of its interface, kept apart from `interfaces` so that the
    /// per-packet path touches no reference-counted storage.
    var packetInterfaces: [PcapngPacketInterface] = []

    /// Opens `path`, which must be a pcapng file.
    public convenience init(path: String, acceptingUnsupportedLinkTypes: Bool = false) throws(CaptureError) {
        let opened = try OpenFile(path: path)
        let header = try CaptureFileHeader.classify(
            prefix: opened.readPrefix(count: CaptureFileHeader.pcapngHeaderLength), path: path)
        if case let .pcap(format, _, _, _) = header {
            throw CaptureError(path: path, .wrongFormat(expected: .pcapng, found: format))
        }
        self.init(file: try MappedFile(opened), acceptingUnsupportedLinkTypes: acceptingUnsupportedLinkTypes)
    }

    init(file: MappedFile, acceptingUnsupportedLinkTypes: Bool) {
        self.file = file
        self.path = file.path
        self.acceptsUnsupportedLinkTypes = acceptingUnsupportedLinkTypes
    }

    public func nextPacket() throws(CaptureError) -> BorrowedPacket? {
        while let block = try nextBlock() {
            switch block.type {
            case PcapngBlock.Kind.sectionHeader: try beginSection(block)
            case PcapngBlock.Kind.interfaceDescription: try addInterface(block)
            case PcapngBlock.Kind.enhancedPacket: return try timedPacket(block, obsolete: false)
            case PcapngBlock.Kind.obsoletePacket: return try timedPacket(block, obsolete: true)
            case PcapngBlock.Kind.simplePacket: return try simplePacket(block)
            default: continue
            }
        }
        return nil
    }

    /// Reads the blocks before the first packet block — where writers put the section
    /// header and their interfaces — and returns the interfaces found.
    func scanLeadingInterfaces() throws(CaptureError) -> [CaptureInterface] {
        while let block = try nextBlock() {
            switch block.type {
            case PcapngBlock.Kind.sectionHeader: try beginSection(block)
            case PcapngBlock.Kind.interfaceDescription: try addInterface(block)
            case PcapngBlock.Kind.enhancedPacket, PcapngBlock.Kind.obsoletePacket,
                 PcapngBlock.Kind.simplePacket: return interfaces
            default: continue
            }
        }
        return interfaces
    }

    /// Continues at `offset`, a block boundary after the leading blocks, with `packetsRead`
    /// packets already delivered by libpcap: `CaptureReader` hands a file over there when
    /// `PcapngFollower` sees a late declaration.
    func resume(at offset: Int, packetsRead: Int) {
        self.offset = offset
        self.packetsRead = packetsRead
    }

    func malformed(at offset: Int, _ reason: String) -> CaptureError {
        CaptureError(path: path, .malformedBlock(offset: offset, reason: reason))
    }
}

/// The section being read: its byte order and where its interfaces start in the
/// file-wide numbering (pcapng interface ids restart in each section).
struct PcapngSection {
    var number: Int
    var littleEndian: Bool
    var firstInterface: Int
}

/// The facts of an interface that every packet needs.
struct PcapngPacketInterface {
    var linkType: LinkType
    var snaplen: Int
    var resolution: TimestampResolution
    var offsetSeconds: Int64
}

/// Follows libpcap through a pcapng file to catch a Section Header or Interface Description
/// Block that comes after the first packet.
///
/// libpcap 1.10 reads such an interface, if its link type and snaplen match the first one,
/// and then returns its packets as if they came from interface 0 (with their own time
/// resolution): the file would read as one sub-point where DESIGN.md §3 makes two.
/// Scanning the whole file at open for late interfaces doubled the time to read it: it
/// faults in every page of a mapping that libpcap does not otherwise touch. The follower
/// instead compares, after each packet, how far libpcap's stream moved with the length of
/// the packet block it just parsed. Only when the two differ — when other blocks came
/// between two packets — does it walk those few bytes of the mapping to see what they were.
///
/// The packet block's type and length are read from libpcap's block buffer, just before
/// the packet data it hands out: libpcap 1.x's `read_block` puts the block header, in host
/// byte order, at the start of the buffer, and the data starts 28 bytes in for an EPB or
/// PB, 12 for an SPB. `LibpcapReadHandle.laysOutBlocksAtBufferStart` says whether the
/// loaded libpcap is such a version; with any other, `peeksAtBuffer` is false and the
/// follower walks the mapping after every packet: slower, still right.
struct PcapngFollower {
    /// What came between the previous packet and this one.
    enum Step: Equatable {
        /// Nothing that changes how packets read (name resolution, statistics, custom blocks).
        case packet
        /// The block reader must take over at this offset: a section or interface is
        /// declared there, or the blocks libpcap read do not add up (its checks then decide).
        case handOver(at: Int)
    }

    /// Where the data of a packet block starts in libpcap's block buffer.
    enum BufferLayout {
        static let simplePacketData = 12
        static let timedPacketData = 28
    }

    private let file: UnsafeRawBufferPointer
    private let littleEndian: Bool
    private let peeksAtBuffer: Bool
    /// Where libpcap's stream stood after the previous packet: the end of its block.
    private(set) var position: Int

    init(file: UnsafeRawBufferPointer, littleEndian: Bool, position: Int, peeksAtBuffer: Bool) {
        self.file = file
        self.littleEndian = littleEndian
        self.position = position
        self.peeksAtBuffer = peeksAtBuffer
    }

    /// Accounts for the packet whose data libpcap returned, its stream now at `end`.
    @inline(__always)
    mutating func follow(packetData data: UnsafeRawPointer?, streamAt end: Int) -> Step {
        if peeksAtBuffer, let data, PcapngFollower.blockLength(before: data) == end - position {
            position = end
            return .packet
        }
        return walk(to: end)
    }

    /// The length of the packet block whose data starts at `data` in libpcap's buffer, or
    /// -1 when the words there are not an SPB, EPB or PB header. The SPB test comes first:
    /// its data is 12 bytes into the buffer, so the words 28 bytes back are read only once
    /// the word 12 bytes back is known not to be an SPB's type, which an SPB's always is.
    @inline(__always)
    static func blockLength(before data: UnsafeRawPointer) -> Int {
        let simple = -BufferLayout.simplePacketData
        if data.loadUnaligned(fromByteOffset: simple, as: UInt32.self) == PcapngBlock.Kind.simplePacket {
            return Int(data.loadUnaligned(fromByteOffset: simple + 4, as: UInt32.self))
        }
        let timed = -BufferLayout.timedPacketData
        switch data.loadUnaligned(fromByteOffset: timed, as: UInt32.self) {
        case PcapngBlock.Kind.enhancedPacket, PcapngBlock.Kind.obsoletePacket:
            return Int(data.loadUnaligned(fromByteOffset: timed + 4, as: UInt32.self))
        default:
            return -1
        }
    }

    /// Walks the blocks libpcap read since the previous packet. A declaration among them,
    /// or blocks that do not end exactly where libpcap's stream is (libpcap and the file
    /// disagree), hand the rest to the block reader.
    private mutating func walk(to end: Int) -> Step {
        let start = position
        guard start >= 0, end >= start else { return .handOver(at: max(0, start)) }
        // The file grew after it was opened and mapped: follow libpcap, which reads on.
        guard end <= file.count else {
            position = end
            return .packet
        }
        var offset = start
        while offset < end {
            guard end - offset >= PcapngBlock.overhead else { return .handOver(at: start) }
            let type = file.u32(at: offset, littleEndian: littleEndian)
            if type == PcapngBlock.Kind.sectionHeader || type == PcapngBlock.Kind.interfaceDescription {
                return .handOver(at: offset)
            }
            let length = Int(file.u32(at: offset + 4, littleEndian: littleEndian))
            guard length >= PcapngBlock.overhead, length <= end - offset else { return .handOver(at: start) }
            offset += length
        }
        position = end
        return .packet
    }
}

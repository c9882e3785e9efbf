/// Follows libpcap through a pcapng file to catch a Section Header or Interface Description
/// Block that comes after the first packet.
///
/// libpcap 1.10 reads such an interface, if its link type and snaplen match the first one,
/// and then returns its packets as if they came from interface 0: the file would read as
/// one sub-point where DESIGN.md §3 makes two, with the wrong time resolution if the new
/// interface has its own. Scanning the whole file at open for late interfaces doubled the
/// time to read it: it faults in every page of a mapping that libpcap does not otherwise
/// touch. The follower instead compares, after each packet, how far libpcap's stream moved
/// with the length of the packet block it just parsed. Only when the two differ — when
/// other blocks came between two packets — does it walk those few bytes of the mapping to
/// see what they were.
///
/// The packet block's type and length are read from libpcap's block buffer, just before
/// the packet data it hands out (its `read_block` copies the block header to the start of
/// the buffer; the data starts 28 bytes in for an EPB or PB, 12 for an SPB). If a libpcap
/// version lays its buffer out otherwise, the check fails on every packet and the follower
/// walks the mapping each time: slower, still right.
struct PcapngFollower {
    /// What came between the previous packet and this one.
    enum Step: Equatable {
        /// Nothing that changes how packets read (name resolution, statistics, custom blocks).
        case packet
        /// A section or interface declaration starts at this offset: the block reader must
        /// take over there.
        case declaration(at: Int)
    }

    private let file: UnsafeRawBufferPointer
    private let littleEndian: Bool
    /// Where libpcap's stream stood after the previous packet: the end of its block.
    private(set) var position: Int

    init(file: UnsafeRawBufferPointer, littleEndian: Bool, position: Int) {
        self.file = file
        self.littleEndian = littleEndian
        self.position = position
    }

    /// Accounts for the packet whose data libpcap returned, its stream now at `end`.
    @inline(__always)
    mutating func follow(packetData data: UnsafeRawPointer?, streamAt end: Int) -> Step {
        if let data, PcapngFollower.blockLength(before: data) == end - position {
            position = end
            return .packet
        }
        return walk(to: end)
    }

    /// The length of the packet block whose data starts at `data` in libpcap's buffer, or
    /// -1 when the words there are not an SPB, EPB or PB header (in either byte order).
    /// An SPB is tested first: its data is 12 bytes into the buffer, so reading 28 bytes
    /// back is only safe once the word 12 bytes back is known not to be an SPB's type.
    @inline(__always)
    static func blockLength(before data: UnsafeRawPointer) -> Int {
        let simple = data.loadUnaligned(fromByteOffset: -12, as: UInt32.self)
        if simple == PcapngBlock.Kind.simplePacket || simple == PcapngBlock.Kind.simplePacket.byteSwapped {
            return length(data.loadUnaligned(fromByteOffset: -8, as: UInt32.self), swapped: simple != 3)
        }
        let type = data.loadUnaligned(fromByteOffset: -28, as: UInt32.self)
        let length = data.loadUnaligned(fromByteOffset: -24, as: UInt32.self)
        switch type {
        case PcapngBlock.Kind.enhancedPacket, PcapngBlock.Kind.obsoletePacket:
            return Int(length)
        case PcapngBlock.Kind.enhancedPacket.byteSwapped, PcapngBlock.Kind.obsoletePacket.byteSwapped:
            return Int(length.byteSwapped)
        default:
            return -1
        }
    }

    @inline(__always)
    private static func length(_ word: UInt32, swapped: Bool) -> Int { Int(swapped ? word.byteSwapped : word) }

    /// Walks the blocks libpcap read since the previous packet. A declaration among them,
    /// or blocks that do not end exactly where libpcap's stream is (libpcap and the file
    /// disagree), hand the rest to the block reader, whose checks then decide.
    private mutating func walk(to end: Int) -> Step {
        let start = position
        var offset = position
        while offset < end {
            guard end <= file.count, end - offset >= PcapngBlock.overhead else { return .declaration(at: start) }
            let type = file.u32(at: offset, littleEndian: littleEndian)
            let length = Int(file.u32(at: offset + 4, littleEndian: littleEndian))
            if type == PcapngBlock.Kind.sectionHeader || type == PcapngBlock.Kind.interfaceDescription {
                return .declaration(at: offset)
            }
            guard length >= PcapngBlock.overhead, length <= end - offset else { return .declaration(at: start) }
            offset += length
        }
        position = end
        return .packet
    }
}

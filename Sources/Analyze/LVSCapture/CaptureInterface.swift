import LVSWire

/// One capture interface of a file: the single implicit interface of a pcap file, or a
/// pcapng Interface Description Block (block type 1, draft-ietf-opsawg-pcapng §4.2).
///
/// `index` numbers the file's interfaces in order of appearance across all sections, so
/// that it names one interface in the whole file; pcapng's own interface ids restart at
/// 0 in each section (and tshark 4.0's `frame.interface_id` prints those). In a file with
/// one section the two agree.
public struct CaptureInterface: Hashable, Sendable {
    public var index: Int
    public var linkType: LinkType
    /// Maximum captured bytes per packet; 0 means no limit (pcapng).
    public var snaplen: Int
    /// pcapng `if_name` (option 2), when the file gives one.
    public var name: String?
    public var timestampResolution: TimestampResolution
    /// pcapng `if_tsoffset` (option 14): seconds added to every timestamp.
    public var timestampOffsetSeconds: Int64
    /// 0-based pcapng section the interface belongs to (always 0 for pcap).
    public var section: Int
    /// pcapng `opt_comment`s (option 1) of the interface: where operators note what they captured.
    public var comments: [String] = []

    public init(index: Int, linkType: LinkType, snaplen: Int, name: String? = nil,
                timestampResolution: TimestampResolution = .microseconds,
                timestampOffsetSeconds: Int64 = 0, section: Int = 0) {
        self.index = index
        self.linkType = linkType
        self.snaplen = snaplen
        self.name = name
        self.timestampResolution = timestampResolution
        self.timestampOffsetSeconds = timestampOffsetSeconds
        self.section = section
    }
}

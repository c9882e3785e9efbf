import LVSWire

/// What a capture file's headers say: format, byte order, snaplen and interfaces.
///
/// For pcapng the interfaces are those described so far: at open, every Interface
/// Description Block before the first packet block; `CaptureReader.info` grows if a
/// later block describes another one.
public struct CaptureFileInfo: Hashable, Sendable {
    public var path: String
    public var format: CaptureFormat
    public var byteOrder: CaptureByteOrder
    /// pcap: the file header's snaplen. pcapng: the largest interface snaplen (0 = none).
    public var snaplen: Int
    public var interfaces: [CaptureInterface]
    /// Which reader delivers the packets.
    public var backend: CaptureBackend
    /// pcapng Section Header Block `opt_comment`s (option 1), of every section read at open.
    public var comments: [String] = []

    public init(path: String, format: CaptureFormat, byteOrder: CaptureByteOrder, snaplen: Int,
                interfaces: [CaptureInterface], backend: CaptureBackend) {
        self.path = path
        self.format = format
        self.byteOrder = byteOrder
        self.snaplen = snaplen
        self.interfaces = interfaces
        self.backend = backend
    }

    /// The link type of each interface, in interface order.
    public var linkTypes: [LinkType] { interfaces.map(\.linkType) }
}

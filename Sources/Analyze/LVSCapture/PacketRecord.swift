import LVSWire

/// The per-record facts of one captured packet (pcap record header, pcapng packet block),
/// with the link type and interface it came from. A plain value: reading a packet never
/// allocates.
public struct PacketRecord: Hashable, Sendable {
    /// 1-based position in its file, as tshark's `frame.number`.
    public var frameNumber: Int
    public var timestamp: Timestamp
    /// Bytes present in the file (≤ `originalLength` when the snaplen cut the packet).
    public var capturedLength: Int
    /// Bytes the packet had on the wire.
    public var originalLength: Int
    public var linkType: LinkType
    /// The interface's `CaptureInterface.index` (0 for pcap).
    public var interfaceIndex: Int

    public init(frameNumber: Int, timestamp: Timestamp, capturedLength: Int, originalLength: Int,
                linkType: LinkType, interfaceIndex: Int) {
        self.frameNumber = frameNumber
        self.timestamp = timestamp
        self.capturedLength = capturedLength
        self.originalLength = originalLength
        self.linkType = linkType
        self.interfaceIndex = interfaceIndex
    }

    /// True when the snaplen cut the packet (a capture artifact, not malformed input).
    @inlinable public var isTruncated: Bool { capturedLength < originalLength }
}

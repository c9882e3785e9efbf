import LVSWire

/// Decodes one captured frame into a reused `DecodedPacket`: link type → layer chain.
///
/// The decoder is gopacket's `DecodingLayerParser` for lvscope: it walks the headers it
/// knows, borrows the frame's bytes and allocates nothing. It never reads past the
/// captured bytes (every view is checked at construction). It keeps three kinds of bad
/// apart: a frame cut by the capture's snaplen is `.truncated` (an artifact), a frame
/// whose headers contradict themselves is `.malformed` with the layer and offset, and
/// oddities that do not stop decoding are `anomalies`.
public struct PacketDecoder: Sendable {
    public struct Options: Sendable, Equatable {
        /// Verify IPv4 header, TCP, UDP and ICMP checksums (costs a pass over the payload).
        public var verifyChecksums: Bool
        /// How many IP-in-IP / GRE encapsulations to follow.
        public var maximumTunnelDepth: Int

        public init(verifyChecksums: Bool = false, maximumTunnelDepth: Int = 3) {
            self.verifyChecksums = verifyChecksums
            self.maximumTunnelDepth = maximumTunnelDepth
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Decodes `frame` (the captured bytes) of a capture with `linkType` into `packet`.
    @inlinable
    public func decode(_ frame: UnsafeRawBufferPointer, linkType: LinkType, originalLength: Int,
                       into packet: inout DecodedPacket) {
        packet.reset()
        packet.linkType = linkType
        packet.capturedLength = frame.count
        packet.originalLength = originalLength
        var walk = FrameWalk(frame: frame, options: options)
        do {
            try walk.link(linkType, into: &packet)
        } catch {
            packet.status = walk.classify(error, in: packet)
        }
    }
}

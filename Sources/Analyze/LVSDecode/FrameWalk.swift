import LVSWire

/// The state of one decode: the frame and where each layer starts. Each step builds a
/// view on `frame.suffix(from: offset)`; errors are rebased to frame offsets here.
@usableFromInline
struct FrameWalk {
    @usableFromInline let frame: UnsafeRawBufferPointer
    @usableFromInline let options: PacketDecoder.Options
    /// The Ethernet header plus tags end here; frames shorter than 60 bytes from the
    /// start are padded on the wire, so bytes after the IP packet up to that are padding.
    @usableFromInline var linkHeaderEnd = 0
    /// The encapsulation being entered, recorded with the inner IP header.
    @usableFromInline var tunnelKind = TunnelInfo.Kind.ipInIP
    @usableFromInline var greKey: UInt32?

    @usableFromInline
    init(frame: UnsafeRawBufferPointer, options: PacketDecoder.Options) {
        self.frame = frame
        self.options = options
    }

    /// The bytes from `offset` on.
    @inlinable func bytes(from offset: Int) -> UnsafeRawBufferPointer { frame.suffix(from: offset) }

    /// Builds a view and moves its error offsets from the view's buffer to the frame.
    @inlinable
    func view<V>(at offset: Int, _ make: (UnsafeRawBufferPointer) throws(WireError) -> V) throws(WireError) -> V {
        do {
            return try make(bytes(from: offset))
        } catch {
            var rebased = error
            rebased.offset += offset
            throw rebased
        }
    }

    /// A truncation is a capture artifact only when the capture cut the frame.
    @usableFromInline
    func classify(_ error: WireError, in packet: DecodedPacket) -> DecodeStatus {
        if error.isTruncation, packet.capturedLength < packet.originalLength {
            return .truncated(error.layer)
        }
        return .malformed(error)
    }
}

extension FrameWalk {
    /// Counts `layer` once its dissection starts, before its header is checked — even
    /// with no bytes left: tshark's `frame.protocols` lists a protocol whose header turns
    /// out short, cut or broken, and the decode summary counts the same way.
    @inlinable @inline(__always)
    func attempt(_ layer: Layer, at offset: Int, into packet: inout DecodedPacket) {
        if offset <= frame.count { packet.layers.insert(layer) }
    }
}

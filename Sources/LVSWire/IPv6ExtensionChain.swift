/// The walk over an IPv6 packet's extension headers (RFC 8200 §4) up to the
/// upper-layer header.
///
/// Walks hop-by-hop options, routing, fragment, destination options, the other
/// headers with the generic next-header/length layout (mobility 135, HIP 139, shim6
/// 140) and AH (RFC 4302, whose length counts 4-byte units minus 2). It stops at ESP
/// (the rest is encrypted), at "no next header", after the fragment header of a
/// non-first fragment (what follows is data, not headers), and at any other value,
/// which is taken as the upper-layer protocol, known or not.
///
/// Only declared, captured bytes are read. An extension header that runs past the
/// declared payload is malformed (`.badOptionLength`); one that runs past the captured
/// bytes only is `.truncated`. Offsets are relative to the start of the IPv6 header.
public struct IPv6ExtensionChain: Hashable, Sendable {
    /// Why the walk stopped.
    public enum End: Hashable, Sendable {
        /// At `upperLayerProtocol` (TCP, UDP, ICMPv6, or anything not an extension).
        case upperLayer
        /// Next header 59: nothing follows (RFC 8200 §4.7).
        case noNextHeader
        /// ESP (RFC 4303): the rest cannot be walked.
        case encrypted
        /// A non-first fragment: the bytes after its fragment header are data.
        case fragmentData
    }

    /// Byte offsets within an extension header (RFC 8200 §4.3–4.6).
    public enum Field {
        @inlinable public static var nextHeader: Int { 0 }
        @inlinable public static var length: Int { 1 }
        @inlinable public static var routingSegmentsLeft: Int { 3 }
        @inlinable public static var fragmentOffsetAndFlags: Int { 2 }
        @inlinable public static var fragmentIdentification: Int { 4 }
        @inlinable public static var fragmentHeaderLength: Int { 8 }
    }

    /// The protocol after the last extension header walked (ESP, 59, or the upper layer).
    public var upperLayerProtocol: IPProtocol
    /// Offset from the start of the IPv6 header to the upper-layer header.
    public var upperLayerOffset: Int
    public var end: End
    public var fragment: IPv6FragmentInfo?
    public var extensionHeaderCount: Int
    /// Segments left of the last routing header, when there is one: while it is not
    /// zero, the destination field is not the final destination (RFC 8200 §8.1).
    public var routingSegmentsLeft: UInt8?
    /// A hop-by-hop header anywhere but first (RFC 8200 §4.3 forbids it).
    public var hasMisplacedHopByHop: Bool

    /// Bytes of extension headers between the fixed header and the upper layer.
    @inlinable public var extensionLength: Int { upperLayerOffset - IPv6View.headerLength }

    @inlinable
    init(start view: IPv6View) {
        upperLayerProtocol = view.nextHeader
        upperLayerOffset = IPv6View.headerLength
        end = .upperLayer
        fragment = nil
        extensionHeaderCount = 0
        routingSegmentsLeft = nil
        hasMisplacedHopByHop = false
    }

    public init(walking view: IPv6View) throws(WireError) {
        self.init(start: view)
        let payload = view.payload
        let declared = view.declaredPayloadLength
        var offset = 0
        while true {
            let kind = upperLayerProtocol
            switch kind {
            case .esp: end = .encrypted; return
            case .noNextHeader: end = .noNextHeader; return
            case .fragment, .ah: break
            default: guard kind.isIPv6ExtensionHeader else { end = .upperLayer; return }
            }
            let length = try Self.headerLength(of: kind, at: offset, in: payload, declared: declared)
            switch kind {
            case .fragment: fragment = Self.fragmentInfo(payload, at: offset)
            case .routing: routingSegmentsLeft = payload.u8(at: offset + Field.routingSegmentsLeft)
            case .hopByHop: hasMisplacedHopByHop = hasMisplacedHopByHop || extensionHeaderCount > 0
            default: break
            }
            upperLayerProtocol = IPProtocol(rawValue: payload.u8(at: offset + Field.nextHeader))
            offset += length
            upperLayerOffset = IPv6View.headerLength + offset
            extensionHeaderCount += 1
            if kind == .fragment, let fragment, !fragment.isFirst {
                end = .fragmentData
                return
            }
        }
    }

    /// The length of the extension header of `kind` at `offset`, checked to be present.
    @inlinable
    static func headerLength(of kind: IPProtocol, at offset: Int, in payload: UnsafeRawBufferPointer,
                             declared: Int) throws(WireError) -> Int {
        if kind == .fragment {
            try require(Field.fragmentHeaderLength, at: offset, of: kind, in: payload, declared: declared)
            return Field.fragmentHeaderLength
        }
        try require(Field.length + 1, at: offset, of: kind, in: payload, declared: declared)
        let units = Int(payload.u8(at: offset + Field.length))
        // AH counts 4-byte units minus 2 (RFC 4302 §2.2); the others 8-byte units minus 1.
        let length = kind == .ah ? (units + 2) * 4 : (units + 1) * 8
        try require(length, at: offset, of: kind, in: payload, declared: declared)
        return length
    }

    @inlinable
    static func fragmentInfo(_ payload: UnsafeRawBufferPointer, at offset: Int) -> IPv6FragmentInfo {
        let word = payload.u16(at: offset + Field.fragmentOffsetAndFlags)
        return IPv6FragmentInfo(offset: Int(word & 0xFFF8), moreFragments: word & 1 != 0,
                                identification: payload.u32(at: offset + Field.fragmentIdentification))
    }

    /// Throws unless `length` bytes at `offset` are declared and captured.
    @inlinable
    static func require(_ length: Int, at offset: Int, of kind: IPProtocol,
                        in payload: UnsafeRawBufferPointer, declared: Int) throws(WireError) {
        let end = offset + length
        let position = IPv6View.headerLength + offset
        if end > declared {
            throw WireError(.ipv6Extension, at: position, .badOptionLength(kind: kind.rawValue, length: length))
        }
        if end > payload.count {
            throw WireError(.ipv6Extension, at: position, .truncated(needed: IPv6View.headerLength + end,
                                                                  available: IPv6View.headerLength + payload.count))
        }
    }

    /// The captured bytes of the upper-layer header and its payload.
    @inlinable
    public func upperLayerBytes(of view: IPv6View) -> UnsafeRawBufferPointer {
        view.payload.suffix(from: extensionLength)
    }

    /// The upper-layer length the packet declares (payload length − extension headers),
    /// the length that goes into the transport pseudo-header.
    @inlinable
    public func declaredUpperLayerLength(of view: IPv6View) -> Int {
        view.declaredPayloadLength - extensionLength
    }
}

extension IPv6View {
    /// Walks the extension headers; see `IPv6ExtensionChain`.
    @inlinable
    public func extensionChain() throws(WireError) -> IPv6ExtensionChain {
        try IPv6ExtensionChain(walking: self)
    }
}

/// An owned IPv4 header (RFC 791), options kept as raw bytes.
///
/// Faithful to the wire for emitting what was observed: the total length, checksum,
/// flags and options are stored as read, and `emit(into:computingChecksum:)` writes
/// them back unless asked to compute the checksum.
public struct IPv4Header: Hashable, Sendable {
    public var dscp: UInt8
    public var ecn: UInt8
    public var totalLength: UInt16
    public var identification: UInt16
    public var reservedFlag: Bool
    public var dontFragment: Bool
    public var moreFragments: Bool
    /// In bytes; must be a multiple of 8 (the field counts 8-byte units).
    public var fragmentOffset: Int
    public var ttl: UInt8
    public var `protocol`: IPProtocol
    public var headerChecksum: UInt16
    public var source: IPv4Address
    public var destination: IPv4Address
    /// Raw option bytes, at most 40; padded with zeros (end of options) to 4 bytes on emit.
    public var options: [UInt8]

    /// A header without options for a payload of `payloadLength` bytes; the checksum is
    /// left zero for `emit(into:computingChecksum: true)`.
    @inlinable
    public init(source: IPv4Address, destination: IPv4Address, protocol proto: IPProtocol,
                payloadLength: Int, ttl: UInt8 = 64, identification: UInt16 = 0,
                dontFragment: Bool = true, dscp: UInt8 = 0, ecn: UInt8 = 0) {
        self.dscp = dscp
        self.ecn = ecn
        totalLength = UInt16(truncatingIfNeeded: IPv4View.minimumHeaderLength + payloadLength)
        self.identification = identification
        reservedFlag = false
        self.dontFragment = dontFragment
        moreFragments = false
        fragmentOffset = 0
        self.ttl = ttl
        self.protocol = proto
        headerChecksum = 0
        self.source = source
        self.destination = destination
        options = []
    }

    public init(parsing view: IPv4View) {
        self.init(source: view.source, destination: view.destination, protocol: view.protocol,
                  payloadLength: 0, ttl: view.ttl, identification: view.identification,
                  dontFragment: view.dontFragment, dscp: view.dscp, ecn: view.ecn)
        totalLength = view.totalLength
        reservedFlag = view.reservedFlag
        moreFragments = view.moreFragments
        fragmentOffset = view.fragmentOffset
        headerChecksum = view.headerChecksum
        options = Array(view.options)
    }

    /// 20 bytes plus the options rounded up to 4 bytes.
    @inlinable public var headerLength: Int { IPv4View.minimumHeaderLength + ((options.count + 3) & ~3) }
    @inlinable public var byteCount: Int { headerLength }

    /// The payload length implied by `totalLength`; setting it updates `totalLength`.
    @inlinable public var payloadLength: Int {
        get { Int(totalLength) - headerLength }
        set { totalLength = UInt16(truncatingIfNeeded: newValue + headerLength) }
    }

    /// Writes the header; with `computingChecksum` the checksum is computed (and stored
    /// in the buffer, not in `self`).
    public func emit(into buffer: UnsafeMutableRawBufferPointer, computingChecksum: Bool = false) {
        let length = headerLength
        precondition(length <= IPv4View.maximumHeaderLength, "IPv4 options exceed 40 bytes")
        precondition(buffer.count >= length, "IPv4 header needs \(length) bytes")
        typealias F = IPv4View.Field
        buffer.setU8(0x40 | UInt8(length / 4), at: F.versionAndHeaderLength)
        buffer.setU8(dscp << 2 | ecn & 0x3, at: F.dscpAndECN)
        buffer.setU16(totalLength, at: F.totalLength)
        buffer.setU16(identification, at: F.identification)
        let flags: UInt16 = (reservedFlag ? 0x8000 : 0) | (dontFragment ? 0x4000 : 0) | (moreFragments ? 0x2000 : 0)
        buffer.setU16(flags | UInt16(truncatingIfNeeded: fragmentOffset / 8) & 0x1FFF, at: F.flagsAndFragmentOffset)
        buffer.setU8(ttl, at: F.ttl)
        buffer.setU8(self.protocol.rawValue, at: F.protocol)
        buffer.setU16(computingChecksum ? 0 : headerChecksum, at: F.headerChecksum)
        source.write(into: buffer, at: F.source)
        destination.write(into: buffer, at: F.destination)
        for index in F.options..<length {
            let optionIndex = index - F.options
            buffer.setU8(optionIndex < options.count ? options[optionIndex] : 0, at: index)
        }
        if computingChecksum {
            let checksum = InternetChecksum.checksum(of: UnsafeRawBufferPointer(rebasing: buffer[0..<length]))
            buffer.setU16(checksum, at: F.headerChecksum)
        }
    }
}

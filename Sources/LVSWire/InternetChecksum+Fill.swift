/// Writing checksums into emitted packets: each helper zeroes the field, sums the bytes
/// (and pseudo-header), and stores the result. `segment` is exactly the bytes the
/// checksum covers.
extension InternetChecksum {
    @inlinable
    static func fill(_ buffer: UnsafeMutableRawBufferPointer, fieldOffset: Int, start: InternetChecksum) -> UInt16 {
        buffer.setU16(0, at: fieldOffset)
        var sum = start
        sum.add(bytes: UnsafeRawBufferPointer(buffer))
        let checksum = sum.finalize()
        buffer.setU16(checksum, at: fieldOffset)
        return checksum
    }

    /// Computes and stores a TCP checksum over IPv4; returns it.
    @discardableResult @inlinable
    public static func fillTCP(_ segment: UnsafeMutableRawBufferPointer, source: IPv4Address,
                               destination: IPv4Address) -> UInt16 {
        fill(segment, fieldOffset: TCPView.Field.checksum,
             start: pseudoHeader(source: source, destination: destination, protocol: .tcp, length: segment.count))
    }

    @discardableResult @inlinable
    public static func fillTCP(_ segment: UnsafeMutableRawBufferPointer, source: IPv6Address,
                               destination: IPv6Address) -> UInt16 {
        fill(segment, fieldOffset: TCPView.Field.checksum,
             start: pseudoHeader(source: source, destination: destination, protocol: .tcp, length: segment.count))
    }

    /// Computes and stores a UDP checksum; a computed zero is stored as 0xFFFF (RFC 768).
    @discardableResult @inlinable
    public static func fillUDP(_ segment: UnsafeMutableRawBufferPointer, source: IPv4Address,
                               destination: IPv4Address) -> UInt16 {
        let start = pseudoHeader(source: source, destination: destination, protocol: .udp, length: segment.count)
        return udpNonZero(segment, fill(segment, fieldOffset: UDPView.Field.checksum, start: start))
    }

    @discardableResult @inlinable
    public static func fillUDP(_ segment: UnsafeMutableRawBufferPointer, source: IPv6Address,
                               destination: IPv6Address) -> UInt16 {
        let start = pseudoHeader(source: source, destination: destination, protocol: .udp, length: segment.count)
        return udpNonZero(segment, fill(segment, fieldOffset: UDPView.Field.checksum, start: start))
    }

    @inlinable
    static func udpNonZero(_ segment: UnsafeMutableRawBufferPointer, _ checksum: UInt16) -> UInt16 {
        guard checksum == 0 else { return checksum }
        segment.setU16(0xFFFF, at: UDPView.Field.checksum)
        return 0xFFFF
    }

    @discardableResult @inlinable
    public static func fillICMPv4(_ message: UnsafeMutableRawBufferPointer) -> UInt16 {
        fill(message, fieldOffset: ICMPv4View.Field.checksum, start: InternetChecksum())
    }

    @discardableResult @inlinable
    public static func fillICMPv6(_ message: UnsafeMutableRawBufferPointer, source: IPv6Address,
                                  destination: IPv6Address) -> UInt16 {
        fill(message, fieldOffset: ICMPv6View.Field.checksum,
             start: pseudoHeader(source: source, destination: destination, protocol: .icmpv6, length: message.count))
    }

    /// GRE with the C bit set: the checksum covers the GRE header and payload.
    @discardableResult @inlinable
    public static func fillGRE(_ packet: UnsafeMutableRawBufferPointer) -> UInt16 {
        fill(packet, fieldOffset: GREView.Field.checksum, start: InternetChecksum())
    }

    /// The IPv4 header checksum over `header` (IHL × 4 bytes).
    @discardableResult @inlinable
    public static func fillIPv4Header(_ header: UnsafeMutableRawBufferPointer) -> UInt16 {
        fill(header, fieldOffset: IPv4View.Field.headerChecksum, start: InternetChecksum())
    }
}

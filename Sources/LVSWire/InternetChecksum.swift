/// The Internet checksum (RFC 1071): the 16-bit ones' complement of the ones'
/// complement sum of 16-bit words, as used by IPv4, TCP, UDP, ICMP, ICMPv6 and GRE.
///
/// An accumulator: add bytes and words in any order (the sum is commutative), then
/// `finalize()`. The sum is kept in 64 bits with end-around carry, which folds to the
/// same 16-bit value because 2^16 − 1 divides 2^64 − 1 (RFC 1071 §2(C)).
///
/// `add(bytes:)` continues a byte stream: an odd-length chunk leaves a pending byte so
/// that the next chunk's first byte is the low half of the same word. The word-valued
/// `add` overloads add whole words regardless of that position; use them for
/// pseudo-header fields.
public struct InternetChecksum: Hashable, Sendable {
    @usableFromInline var sum: UInt64
    /// True when the byte stream so far has odd length.
    @usableFromInline var isOdd: Bool

    @inlinable
    public init() {
        sum = 0
        isOdd = false
    }

    @inlinable @inline(__always)
    mutating func accumulate(_ value: UInt64) {
        let (result, overflow) = sum.addingReportingOverflow(value)
        sum = result &+ (overflow ? 1 : 0)
    }

    /// Adds a byte stream (continuing any earlier stream of odd length).
    @inlinable
    public mutating func add(bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        guard count > 0 else { return }
        var index = 0
        if isOdd {
            accumulate(UInt64(bytes.u8(at: 0)))
            index = 1
            isOdd = false
        }
        if count - index >= 32 {
            index = addBlocks(bytes, from: index)
        }
        while index + 8 <= count {
            accumulate(bytes.u64(at: index))
            index += 8
        }
        if index + 4 <= count {
            accumulate(UInt64(bytes.u32(at: index)))
            index += 4
        }
        if index + 2 <= count {
            accumulate(UInt64(bytes.u16(at: index)))
            index += 2
        }
        if index < count {
            accumulate(UInt64(bytes.u8(at: index)) << 8)
            isOdd = true
        }
    }

    /// Adds the whole 16-byte blocks from `start`; returns where they end. The words are
    /// read in the host's byte order as 32-bit lanes of 16-byte vectors, widened to 64 bits
    /// into two vector sums that cannot overflow (a lane grows by less than 2^32 per
    /// block: 2^32 blocks, 64 GiB, would be needed) and carry no dependency on each other;
    /// the ones' complement sum in one byte order is the byte swap of the sum in the other
    /// (RFC 1071 §2(B)), so the folded total is swapped once at the end. Four 32-bit
    /// words added one by one made a chain of three dependent adds per 32 bytes.
    @inlinable
    mutating func addBlocks(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let count = bytes.count
        var index = start
        var low = SIMD4<UInt64>()
        var high = SIMD4<UInt64>()
        @inline(__always) func block(_ offset: Int) -> SIMD4<UInt64> {
            SIMD4<UInt64>(truncatingIfNeeded: base.loadUnaligned(fromByteOffset: index &+ offset,
                                                                 as: SIMD4<UInt32>.self))
        }
        // `start` is within the buffer, so `count - index` cannot overflow.
        while count &- index >= 32 {
            low &+= block(0)
            high &+= block(16)
            index &+= 32
        }
        if count &- index >= 16 {
            low &+= block(0)
            index &+= 16
        }
        var total = (low &+ high).wrappedSum()
        while total > 0xFFFF { total = (total >> 16) &+ (total & 0xFFFF) }
        accumulate(UInt64(UInt16(bigEndian: UInt16(truncatingIfNeeded: total))))
        return index
    }

    /// Adds one 16-bit word.
    @inlinable public mutating func add(_ value: UInt16) { accumulate(UInt64(value)) }
    /// Adds two 16-bit words (high then low).
    @inlinable public mutating func add(_ value: UInt32) { accumulate(UInt64(value)) }
    @inlinable public mutating func add(_ address: IPv4Address) { accumulate(UInt64(address.rawValue)) }

    @inlinable
    public mutating func add(_ address: IPv6Address) {
        accumulate(address.high)
        accumulate(address.low)
    }

    /// The sum without one word that was added to it. Plain subtraction when no carry
    /// wrapped past it, so that removing the only non-zero word leaves exactly zero
    /// (ones' complement "+0", whose checksum is 0xFFFF, not 0x0000).
    @inlinable
    func removing(_ value: UInt16) -> InternetChecksum {
        var result = self
        if sum >= UInt64(value) {
            result.sum = sum - UInt64(value)
        } else {
            result.accumulate(~UInt64(value))
        }
        return result
    }

    /// The ones' complement sum folded to 16 bits, not complemented. Zero only when
    /// nothing but zeros was added.
    @inlinable public var folded: UInt16 { InternetChecksum.fold(sum) }

    /// The checksum: the complement of the folded sum.
    @inlinable public func finalize() -> UInt16 { ~folded }

    @inlinable
    static func fold(_ value: UInt64) -> UInt16 {
        var folded = value
        while folded > 0xFFFF {
            folded = (folded & 0xFFFF) &+ (folded >> 16)
        }
        return UInt16(folded)
    }
}

extension InternetChecksum {
    /// The RFC 793 / RFC 768 IPv4 pseudo-header: source, destination, zero and protocol,
    /// and the transport length. The length is added as 32 bits, as Linux does, so a
    /// GSO segment longer than 65535 bytes sums the same way the sender did.
    @inlinable
    public static func pseudoHeader(source: IPv4Address, destination: IPv4Address,
                                    protocol proto: IPProtocol, length: Int) -> InternetChecksum {
        var checksum = InternetChecksum()
        checksum.add(source)
        checksum.add(destination)
        checksum.add(UInt16(proto.rawValue))
        checksum.add(UInt32(truncatingIfNeeded: length))
        return checksum
    }

    /// The RFC 8200 §8.1 IPv6 pseudo-header: source, final destination, the 32-bit
    /// upper-layer length, and three zero bytes with the next-header value.
    @inlinable
    public static func pseudoHeader(source: IPv6Address, destination: IPv6Address,
                                    protocol proto: IPProtocol, length: Int) -> InternetChecksum {
        var checksum = InternetChecksum()
        checksum.add(source)
        checksum.add(destination)
        checksum.add(UInt32(truncatingIfNeeded: length))
        checksum.add(UInt32(proto.rawValue))
        return checksum
    }

    /// The checksum of `bytes` alone (IPv4 header, ICMPv4, GRE).
    @inlinable
    public static func checksum(of bytes: UnsafeRawBufferPointer) -> UInt16 {
        var checksum = InternetChecksum()
        checksum.add(bytes: bytes)
        return checksum.finalize()
    }
}

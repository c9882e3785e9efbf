import Crypto
import LVSWire

/// Community ID flow hashing, version 1 (https://github.com/corelight/community-id-spec):
/// `"1:" + base64(SHA-1(seed . saddr . daddr . proto . 0 . sport . dport))`, all in
/// network byte order, with the endpoints ordered so that the smaller address (then
/// port) comes first. ICMP and ICMPv6 use the type and its counterpart (or the code) as
/// ports, as Zeek does, and keep their order when the type has no counterpart (a one-way
/// message). Other protocols hash the addresses and protocol only.
///
/// Computed from a flow record when asked for (`lvscope flows` prints it), never per
/// packet.
public enum CommunityID {
    /// Length of the v1 text: `1:` and the 28 base64 characters of a 20-byte SHA-1 digest.
    public static let v1Length = 2 + Base64.length(of: 20)

    public static func v1(source: IPAddress, destination: IPAddress, proto: IPProtocol, sourcePort: UInt16,
                          destinationPort: UInt16, seed: UInt16 = 0) -> String {
        String(unsafeUninitializedCapacity: v1Length) { text in
            writeV1(source: source, destination: destination, proto: proto, sourcePort: sourcePort,
                    destinationPort: destinationPort, seed: seed, into: UnsafeMutableRawBufferPointer(text))
        }
    }

    /// Writes the text of `v1` at the start of `buffer`, which has room for `v1Length`
    /// bytes, and returns how many it wrote (`v1Length`): for output written as bytes,
    /// without a String per flow.
    public static func writeV1(source: IPAddress, destination: IPAddress, proto: IPProtocol, sourcePort: UInt16,
                               destinationPort: UInt16, seed: UInt16 = 0,
                               into buffer: UnsafeMutableRawBufferPointer) -> Int {
        precondition(buffer.count >= v1Length, "CommunityID: no room for the text")
        return withV1Digest(source: source, destination: destination, proto: proto, sourcePort: sourcePort,
                            destinationPort: destinationPort, seed: seed) { digest in
            buffer[0] = UInt8(ascii: "1")
            buffer[1] = UInt8(ascii: ":")
            return 2 + Base64.encode(digest, into: UnsafeMutableRawBufferPointer(rebasing: buffer[2...]))
        }
    }

    /// Hands the 20-byte SHA-1 digest of the ordered tuple to `body`.
    @inline(__always)
    static func withV1Digest<R>(source: IPAddress, destination: IPAddress, proto: IPProtocol, sourcePort: UInt16,
                                destinationPort: UInt16, seed: UInt16,
                                _ body: (UnsafeRawBufferPointer) -> R) -> R {
        var ports: (UInt16, UInt16)? = (sourcePort, destinationPort)
        var oneWay = false
        if proto == .icmp || proto == .icmpv6 {
            let mapped = ICMPPorts.map(type: UInt8(truncatingIfNeeded: sourcePort),
                                       code: UInt8(truncatingIfNeeded: destinationPort), version: proto == .icmp ? 4 : 6)
            ports = (mapped.source, mapped.destination)
            oneWay = mapped.oneWay
        } else if proto != .tcp, proto != .udp, proto != .sctp {
            ports = nil
        }
        let s = AddressWords(source)
        let d = AddressWords(destination)
        var sp = ports?.0 ?? 0
        var dp = ports?.1 ?? 0
        var first = s
        var second = d
        if !oneWay, (d.high, d.low, dp) < (s.high, s.low, sp) {
            swap(&first, &second)
            swap(&sp, &dp)
        }
        return withUnsafeTemporaryAllocation(byteCount: 44, alignment: 8) { buffer in
            var n = 0
            func put(_ byte: UInt8) {
                buffer[n] = byte
                n += 1
            }
            put(UInt8(seed >> 8))
            put(UInt8(truncatingIfNeeded: seed))
            n = write(first, into: buffer, at: n)
            n = write(second, into: buffer, at: n)
            put(proto.rawValue)
            put(0)
            if ports != nil {
                buffer.storeBytes(of: sp.bigEndian, toByteOffset: n, as: UInt16.self)
                buffer.storeBytes(of: dp.bigEndian, toByteOffset: n + 2, as: UInt16.self)
                n += 4
            }
            var hasher = Insecure.SHA1()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            return hasher.finalize().withUnsafeBytes(body)
        }
    }

    /// Writes the address's 4 or 16 bytes in network order; returns the next offset.
    private static func write(_ address: AddressWords, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        if !address.isIPv6 {
            buffer.storeBytes(of: UInt32(truncatingIfNeeded: address.low).bigEndian, toByteOffset: offset, as: UInt32.self)
            return offset + 4
        }
        buffer.storeBytes(of: address.high.bigEndian, toByteOffset: offset, as: UInt64.self)
        buffer.storeBytes(of: address.low.bigEndian, toByteOffset: offset + 8, as: UInt64.self)
        return offset + 16
    }
}

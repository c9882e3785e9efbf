import Crypto
import LVSWire

/// Community ID flow hashing, version 1 (https://github.com/corelight/community-id-spec):
/// `"1:" + base64(SHA-1(seed . saddr . daddr . proto . 0 . sport . dport))`, all in
/// network byte order, with the endpoints ordered so that the smaller address (then
/// port) comes first. ICMP and ICMPv6 use the type and its counterpart (or the code) as
/// ports, as Zeek does, and keep their order when the type has no counterpart (a one-way
/// message). Other protocols hash the addresses and protocol only.
///
/// Computed once per flow when its record is emitted, never per packet.
public enum CommunityID {
    public static func v1(source: IPAddress, destination: IPAddress, proto: IPProtocol, sourcePort: UInt16,
                          destinationPort: UInt16, seed: UInt16 = 0) -> String {
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
        var s = bytes(source)
        var d = bytes(destination)
        var sp = ports?.0 ?? 0
        var dp = ports?.1 ?? 0
        if !oneWay, (d.lexicographicallyPrecedes(s) || (d == s && dp < sp)) {
            swap(&s, &d)
            swap(&sp, &dp)
        }
        var input: [UInt8] = [UInt8(seed >> 8), UInt8(truncatingIfNeeded: seed)] + s + d + [proto.rawValue, 0]
        if ports != nil { input += [UInt8(sp >> 8), UInt8(truncatingIfNeeded: sp), UInt8(dp >> 8), UInt8(truncatingIfNeeded: dp)] }
        var hasher = Insecure.SHA1()
        input.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return "1:" + Base64.encode(Array(hasher.finalize()))
    }

    private static func bytes(_ address: IPAddress) -> [UInt8] {
        switch address {
        case let .v4(a):
            let o = a.octets
            return [o.0, o.1, o.2, o.3]
        case let .v6(a):
            return (0..<16).map { i in
                UInt8(truncatingIfNeeded: (i < 8 ? a.high : a.low) >> UInt64(56 - 8 * (i % 8)))
            }
        }
    }
}

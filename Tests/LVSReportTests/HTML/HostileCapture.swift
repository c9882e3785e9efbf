import LVSTestSupport
import LVSWire

/// A pcapng file (draft-ietf-opsawg-pcapng, little-endian) whose every operator- or
/// sender-controlled string is markup: the section comment, two interfaces' names and
/// comments, a TCP payload and a DNS query name. Interface 0 sees a client's connection
/// to the VIP, interface 1 the same connection rewritten toward a real server (NAT), so
/// the interfaces' names become sub-point names the report shows.
enum HostileCapture {
    static let sectionComment = "<script>alert('section')</script>"
    static let interfaceNames = ["<i>eth0", "\"><img src=x onerror=alert('ifname')>"]
    static let interfaceComment = "<script>alert('ifcomment')</script>"
    static let payload = Array("GET / <script>alert('payload')</script>\"><img src=x onerror=alert('payload2')>".utf8)
    /// Markers that must never reach the page at all (the report shows no payload, no DNS name).
    static let hiddenMarkers = ["payload", "dnsname"]

    static func bytes() -> [UInt8] {
        var out = block(type: 0x0A0D_0D0A, body: u32(0x1A2B_3C4D) + u16(1) + u16(0) // byte-order magic, version 1.0
            + u32(0xFFFF_FFFF) + u32(0xFFFF_FFFF) // section length: unknown (-1)
            + option(1, Array(sectionComment.utf8)) + option(0, [])) // opt_comment, opt_endofopt
        for name in interfaceNames {
            out += block(type: 1, body: u16(1) + u16(0) + u32(262_144) // LINKTYPE_ETHERNET, reserved, snaplen
                + option(2, Array(name.utf8)) + option(1, Array(interfaceComment.utf8)) + option(0, []))
        }
        for (i, (interface, frame)) in frames().enumerated() {
            let micros = UInt64(1_767_225_600_000_000) + UInt64(i) * 1_000 // 2026-01-01, 1 ms apart
            // Enhanced Packet Block: interface id, timestamp high and low words, lengths, data.
            out += block(type: 6, body: u32(UInt32(interface)) + u32(UInt32(micros >> 32))
                + u32(UInt32(micros & 0xFFFF_FFFF))
                + u32(UInt32(frame.count)) + u32(UInt32(frame.count)) + padded(frame))
        }
        return out
    }

    /// Handshake, request with the hostile payload, at the client side (interface 0) and
    /// rewritten to the real server (interface 1); then a DNS query whose name is markup.
    static func frames() -> [(Int, [UInt8])] {
        let client = "203.0.113.10:40000", vip = "198.51.100.10:80", rip = "192.0.2.11:80"
        let rs = MACAddress("02:00:00:00:03:01")!, director = MACAddress("02:00:00:00:02:01")!
        func pair(_ build: (String) -> PacketBuilder) -> [(Int, [UInt8])] {
            [(0, build(vip).bytes), (1, build(rip).macs(destination: rs, source: director).bytes)]
        }
        var frames = pair { .tcp(client, $0, flags: .syn, sequence: 100, identification: 1) }
        frames += pair { .tcp($0, client, flags: [.syn, .ack], sequence: 500, acknowledgement: 101, identification: 2)
            .macs(destination: PacketBuilder.clientMAC, source: PacketBuilder.directorMAC) }
        frames += pair { .tcp(client, $0, flags: .ack, sequence: 101, acknowledgement: 501, identification: 3) }
        frames += pair { .tcp(client, $0, flags: [.psh, .ack], sequence: 101, acknowledgement: 501, payload: payload,
                              identification: 4) }
        // DNS query (RFC 1035 §4.1): id, flags RD, one question; QNAME labels "<b>dnsname" and "example".
        let name = Array("<b>dnsname".utf8)
        let dns: [UInt8] = [0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0] + [UInt8(name.count)] + name
            + [7] + Array("example".utf8) + [0, 0, 1, 0, 1] // root, QTYPE A, QCLASS IN
        frames.append((0, PacketBuilder.udp("203.0.113.10:5353", "198.51.100.53:53", payload: dns).bytes))
        return frames
    }

    static func block(type: UInt32, body: [UInt8]) -> [UInt8] {
        let length = UInt32(12 + body.count)
        return u32(type) + u32(length) + body + u32(length)
    }

    static func option(_ code: UInt16, _ value: [UInt8]) -> [UInt8] {
        u16(code) + u16(UInt16(value.count)) + padded(value)
    }

    static func padded(_ bytes: [UInt8]) -> [UInt8] {
        bytes + [UInt8](repeating: 0, count: (4 - bytes.count % 4) % 4)
    }

    static func u16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func u32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
}

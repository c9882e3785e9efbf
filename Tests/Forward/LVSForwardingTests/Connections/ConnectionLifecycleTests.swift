import LVSConfig
import LVSTestSupport
import LVSWire
import Testing
@testable import LVSForwarding

/// Entries through the Director: states per direction, timeouts on capture time, counters.
@Suite struct ConnectionLifecycleTests {
    typealias F = DirectorFixtures
    static let key = ServiceKey.address(.tcp, IPAddress(F.vip)!, port: 80)

    static func client(_ flags: TCPFlags, port: UInt16 = 40000) -> PacketBuilder {
        PacketBuilder.tcp("198.51.100.7:\(port)", "192.0.2.10:80", flags: flags)
    }

    static func server(_ flags: TCPFlags, port: UInt16 = 40000) -> PacketBuilder {
        PacketBuilder.tcp("10.1.0.11:8080", "198.51.100.7:\(port)", flags: flags)
            .macs(destination: F.realSideMAC, source: F.rs1MAC)
    }

    /// NAT sees both directions: SYN → SYN_RECV (60 s), SYN-ACK (OUTPUT) keeps SYN_RECV,
    /// ACK → ESTABLISHED (900 s), client FIN → CLOSE_WAIT, server FIN → TIME_WAIT, ACK
    /// stays TIME_WAIT (120 s). The entry counts as active from SYN_RECV and inactive again
    /// from CLOSE_WAIT.
    @Test func natStatesAndCounters() {
        var director = F.director([F.service(servers: [F.server("10.1.0.11", port: 8080, .nat)])])
        let steps: [(PacketBuilder, Side, IPVSTCPState, Int, Int)] = [
            (Self.client([.syn]), .client, .synReceived, 60, 1),
            (Self.server([.syn, .ack]), .realServer, .synReceived, 60, 1),
            (Self.client([.ack]), .client, .established, 900, 1),
            (Self.client([.fin, .ack]), .client, .closeWait, 60, 0),
            (Self.server([.fin, .ack]), .realServer, .timeWait, 120, 0),
            (Self.client([.ack]), .client, .timeWait, 120, 0),
        ]
        for (second, (packet, side, state, timeout, active)) in steps.enumerated() {
            _ = director.run(packet, from: side, at: F.time(Int64(second)))
            let entry = director.connections.entries.first
            #expect(entry?.state == state && entry?.timeout == timeout)
            #expect(entry?.expiry == F.time(Int64(second + timeout)))
            #expect(director.destinations(of: Self.key)?.activeConnections[0] == active)
            #expect(director.destinations(of: Self.key)?.inactiveConnections[0] == 1 - active)
        }
    }

    /// DR uses INPUT-ONLY: the client FIN leaves the entry in FIN_WAIT for 120 s.
    @Test func directRoutingInputOnly() {
        var director = F.director([F.service(servers: [F.server("10.1.0.11", port: 80, .directRouting)])])
        _ = director.run(Self.client([.syn]))
        _ = director.run(Self.client([.ack]), at: F.time(1))
        _ = director.run(Self.client([.fin, .ack]), at: F.time(2))
        let entry = director.connections.entries.first
        #expect(entry?.state == .finWait && entry?.timeout == 120 && entry?.flags.contains(.noOutput) == true)
    }

    /// Older kernels count only ESTABLISHED as active: a SYN_RECV entry is inactive.
    @Test func oldKernelsCountSynInactive() {
        var director = F.director([F.service(servers: [F.server("10.1.0.11", port: 8080, .nat)])], profile: .linux(4, 4))
        _ = director.run(Self.client([.syn]))
        #expect(director.destinations(of: Self.key)?.activeConnections[0] == 0)
        #expect(director.destinations(of: Self.key)?.inactiveConnections[0] == 1)
    }

    /// The SYN_RECV entry expires 60 s after the SYN on capture time: a packet at +59 s
    /// still finds it, one at +60 s does not (and, without SYN, is not scheduled).
    @Test func expiryOnCaptureTime() {
        var director = F.director([F.service(servers: [F.server("10.1.0.11", port: 8080, .nat)])])
        _ = director.run(Self.client([.syn]))
        #expect(director.run(Self.client([.syn]), at: F.time(59)).first?.verdict == .forwarded(.nat, .inbound))
        #expect(director.connections.liveCount == 1)
        #expect(director.run(Self.client([.ack]), at: F.time(59 + 60)) == [Emitted(verdict: .dropped(.notSchedulable),
                                                                               side: nil, bytes: nil)])
        #expect(director.connections.liveCount == 0)
        #expect(director.destinations(of: Self.key)?.overhead(0) == 0)
    }

    /// UDP entries last 300 s after the last datagram and stay inactive.
    @Test func udpTimeout() {
        var director = F.director([F.service(.udp, port: 53, servers: [F.server("10.1.0.11", port: 53, .nat)])])
        _ = director.run(PacketBuilder.udp("198.51.100.7:5000", "192.0.2.10:53"))
        let entry = director.connections.entries.first
        #expect(entry?.timeout == 300 && entry?.expiry == F.time(300))
        let key = ServiceKey.address(.udp, IPAddress(F.vip)!, port: 53)
        #expect(director.destinations(of: key)?.inactiveConnections[0] == 1)
        var emissions = Emissions()
        director.advance(to: F.time(300), into: &emissions)
        #expect(director.connections.liveCount == 0)
    }

    /// One-packet scheduling: every datagram is scheduled on its own (rr alternates) and
    /// nothing stays in the table, so replies find no entry.
    @Test func onePacketSchedulingIsNotHashed() {
        var director = F.director([F.service(.udp, port: 53, onePacket: true,
                                             servers: [F.server("10.1.0.11", port: 53, .nat),
                                                       F.server("10.1.0.12", port: 53, .nat)])])
        let query = PacketBuilder.udp("198.51.100.7:5000", "192.0.2.10:53")
        let first = director.run(query).first?.bytes ?? []
        let second = director.run(query).first?.bytes ?? []
        #expect(first.count > 33 && second.count > 33 && first[33] == 11 && second[33] == 12)
        #expect(director.connections.liveCount == 0)
        let reply = PacketBuilder.udp("10.1.0.11:53", "198.51.100.7:5000").macs(destination: F.realSideMAC, source: F.rs1MAC)
        #expect(director.run(reply, from: .realServer).first?.verdict == .routed)
    }

    /// A reply with no entry from a NAT real server is routed with its own address (§9.15).
    @Test func unmatchedReplyLeaksRealServerAddress() {
        var director = F.director([F.service(servers: [F.server("10.1.0.11", port: 8080, .nat)])])
        let reply = Self.server([.ack])
        let expected = reply.ipv4 { $0.ttl = 63 }.macs(destination: F.routerMAC, source: F.clientSideMAC)
        #expect(director.run(reply, from: .realServer) == [Emitted(verdict: .routed, side: .client, bytes: expected.bytes)])
    }

    /// Non-SYN without entry, unknown port, frames for another MAC.
    @Test func refusals() {
        var director = F.director([F.service(servers: [F.server("10.1.0.11", port: 8080, .nat)])])
        #expect(director.run(Self.client([.ack])).map(\.verdict) == [.dropped(.notSchedulable)])
        #expect(director.run(PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:443", flags: [.syn])).map(\.verdict)
                == [.dropped(.noService)])
        #expect(director.run(Self.client([.syn]).macs(destination: F.rs1MAC, source: F.clientMAC)).map(\.verdict)
                == [.dropped(.notForDirector)])
        #expect(director.run(PacketBuilder.tcp("198.51.100.7:20", "192.0.2.10:80", flags: [.syn])).map(\.verdict)
                == [.dropped(.notSchedulable)])
    }
}

import LVSConfig
import LVSTestSupport
import LVSWire
import Testing
@testable import LVSForwarding

/// A SYN that finds an existing entry (`ip_vs_in_hook`, §5.7), and destinations that go
/// away under live entries.
@Suite struct ConnectionReuseTests {
    typealias F = DirectorFixtures
    static let key = ServiceKey.address(.tcp, IPAddress(F.vip)!, port: 80)

    static func director(_ mode: ForwardingMode = .nat, profile: KernelProfile = .default,
                         settings: ((inout DirectorSettings) -> Void)? = nil) -> Director {
        let port: UInt16 = mode == .nat ? 8080 : 80
        return F.director([F.service(servers: [F.server("10.1.0.11", port: port, mode),
                                               F.server("10.1.0.12", port: port, mode)])],
                          profile: profile, settings: settings)
    }

    static func client(_ flags: TCPFlags) -> PacketBuilder {
        PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: flags)
    }

    static func serverFIN() -> PacketBuilder {
        PacketBuilder.tcp("10.1.0.11:8080", "198.51.100.7:40000", flags: [.fin, .ack])
            .macs(destination: F.realSideMAC, source: F.rs1MAC)
    }

    static func server(_ out: [Emitted]) -> UInt8? {
        guard let bytes = out.first?.bytes, bytes.count > 33 else { return nil }
        return bytes[33]
    }

    /// Drives a NAT entry to TIME_WAIT (client FIN, server FIN).
    static func toTimeWait(_ director: inout Director) {
        _ = director.run(client([.syn]))
        _ = director.run(client([.ack]), at: F.time(1))
        _ = director.run(client([.fin, .ack]), at: F.time(2))
        _ = director.run(serverFIN(), from: .realServer, at: F.time(3))
    }

    /// conn_reuse_mode=1: a SYN on a TIME_WAIT entry is scheduled anew (rr → B).
    @Test func timeWaitIsRescheduled() {
        var director = Self.director()
        Self.toTimeWait(&director)
        #expect(director.connections.entries.first?.state == .timeWait)
        #expect(Self.server(director.run(Self.client([.syn]), at: F.time(4))) == 12)
        #expect(director.connections.liveCount == 1 && director.connections.entries.first?.real == IPAddress("10.1.0.12"))
    }

    /// conn_reuse_mode=0: the SYN goes to the same server.
    @Test func reuseModeZeroKeepsServer() {
        var director = Self.director { $0.connectionReuseMode = 0 }
        Self.toTimeWait(&director)
        #expect(Self.server(director.run(Self.client([.syn]), at: F.time(4))) == 11)
    }

    /// conntrack=1 before 5.9: the SYN is dropped (and the old entry expired), the client's
    /// retransmission a second later is scheduled.
    @Test func conntrackDropsFirstSynBefore59() {
        var director = Self.director(profile: .linux(5, 4)) { $0.conntrack = true }
        Self.toTimeWait(&director)
        #expect(director.run(Self.client([.syn]), at: F.time(4)).map(\.verdict) == [.dropped(.connectionReuse)])
        #expect(director.connections.liveCount == 0)
        #expect(Self.server(director.run(Self.client([.syn]), at: F.time(5))) == 12)
    }

    /// DR entries sit in FIN_WAIT after the client's FIN (INPUT-ONLY); only
    /// conn_reuse_mode bit 2 reschedules those (the last MAC byte names the server).
    @Test(arguments: [(1, UInt8(0x11)), (3, UInt8(0x12))])
    func directRoutingFinWait(_ mode: Int, _ expected: UInt8) {
        var director = Self.director(.directRouting) { $0.connectionReuseMode = mode }
        _ = director.run(Self.client([.syn]))
        _ = director.run(Self.client([.ack]), at: F.time(1))
        _ = director.run(Self.client([.fin, .ack]), at: F.time(2))
        let out = director.run(Self.client([.syn]), at: F.time(3))
        #expect(out.first?.bytes?[5] == expected)
    }

    /// Weight 0 keeps existing entries flowing; new connections avoid the server.
    @Test func quiescedServerKeepsEntries() {
        var director = Self.director()
        _ = director.run(Self.client([.syn]))
        director.setWeight(0, of: IPAddress("10.1.0.11")!, port: 8080, in: Self.key)
        #expect(Self.server(director.run(Self.client([.ack]), at: F.time(1))) == 11)
        let other = PacketBuilder.tcp("198.51.100.9:1000", "192.0.2.10:80", flags: [.syn])
        #expect(Self.server(director.run(other, at: F.time(2))) == 12)
    }

    /// expire_nodest_conn=1 with weight 0: even an ESTABLISHED entry is rescheduled by a SYN.
    @Test func expireNoDestinationReschedulesQuiesced() {
        var director = Self.director { $0.expireNoDestinationConnections = true }
        _ = director.run(Self.client([.syn]))
        _ = director.run(Self.client([.ack]), at: F.time(1))
        director.setWeight(0, of: IPAddress("10.1.0.11")!, port: 8080, in: Self.key)
        #expect(Self.server(director.run(Self.client([.syn]), at: F.time(2))) == 12)
    }

    /// A removed server: its entries' packets are dropped; with expire_nodest_conn the entry
    /// goes and the non-SYN packet is not scheduled (the director's stack would RST).
    @Test(arguments: [(false, DropReason.destinationUnavailable, 1), (true, DropReason.notSchedulable, 0)])
    func removedServer(_ expire: Bool, _ reason: DropReason, _ remaining: Int) {
        var director = Self.director { $0.expireNoDestinationConnections = expire }
        _ = director.run(Self.client([.syn]))
        let removed = director.removeRealServer(IPAddress("10.1.0.11")!, port: 8080, from: Self.key)
        #expect(removed)
        #expect(director.run(Self.client([.ack]), at: F.time(1)).map(\.verdict) == [.dropped(reason)])
        #expect(director.connections.liveCount == remaining)
        #expect(Self.server(director.run(PacketBuilder.tcp("198.51.100.9:1000", "192.0.2.10:80", flags: [.syn]),
                                         at: F.time(2))) == 12)
    }
}

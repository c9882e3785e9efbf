import LVSConfig
import LVSTestSupport
import LVSWire
import Testing
@testable import LVSForwarding

/// DPVS resets both ends when an ESTABLISHED FULL-NAT entry expires (`tcp_conn_expire`,
/// `tcp_send_rst`): RST to the server with its last acknowledgement as sequence number,
/// then RST to the client with the server's next sequence number; window 0, TTL 64, DF,
/// ID 0. Mainline Linux does not.
@Suite struct ExpiryResetTests {
    typealias F = DirectorFixtures

    static func establish(_ profile: KernelProfile) -> (Director, UInt32) {
        var director = F.director([F.service(servers: [F.server("10.1.0.11", port: 80, .fullNAT)],
                                             locals: ["10.1.0.200"])], profile: profile)
        let syn = PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn], sequence: 1_000)
        let shifted = FullNATTransmitterTests.sequence(director.run(syn).first?.bytes)
        let port = profile.flavour == .alibaba ? "5001" : "1025"
        _ = director.run(PacketBuilder.tcp("10.1.0.11:80", "10.1.0.200:\(port)", flags: [.syn, .ack], sequence: 5_000,
                                           acknowledgement: shifted &+ 1)
                            .macs(destination: F.realSideMAC, source: F.rs1MAC), from: .realServer, at: F.time(1))
        _ = director.run(PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.ack], sequence: 1_001,
                                           acknowledgement: 5_001, payload: Array("hi".utf8)), at: F.time(2))
        _ = director.run(PacketBuilder.tcp("10.1.0.11:80", "10.1.0.200:\(port)", flags: [.ack, .psh], sequence: 5_001,
                                           acknowledgement: shifted &+ 3, payload: Array("hello".utf8))
                            .macs(destination: F.realSideMAC, source: F.rs1MAC), from: .realServer, at: F.time(3))
        return (director, shifted)
    }

    @Test func dpvsResetsBothEnds() {
        var (director, shifted) = Self.establish(.dpvs)
        var emissions = Emissions()
        director.advance(to: F.time(3 + 89), into: &emissions)
        #expect(emissions.isEmpty && director.connections.liveCount == 1)
        director.advance(to: F.time(3 + 90), into: &emissions)
        let toServer = PacketBuilder.tcp("10.1.0.200:1025", "10.1.0.11:80", flags: [.rst], sequence: shifted &+ 3,
                                         window: 0, identification: 0)
            .macs(destination: F.rs1MAC, source: F.realSideMAC)
        let toClient = PacketBuilder.tcp("192.0.2.10:80", "198.51.100.7:40000", flags: [.rst], sequence: 5_006,
                                         acknowledgement: 0 &- (shifted &- 1_000), window: 0, identification: 0)
            .macs(destination: F.clientMAC, source: F.clientSideMAC)
        #expect(emissions.records.map(\.verdict) == [.reset, .reset])
        #expect(emissions.records.map(\.time) == [F.time(93), F.time(93)])
        #expect(emissions.records.map { $0.frame.map { Array($0.bytes) } } == [toServer.bytes, toClient.bytes])
        #expect(director.connections.liveCount == 0)
    }

    @Test func linuxDoesNotReset() {
        var director = F.director([F.service(servers: [F.server("10.1.0.11", port: 8080, .nat)])])
        _ = director.run(PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn]))
        _ = director.run(PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.ack]), at: F.time(1))
        var emissions = Emissions()
        director.advance(to: F.time(1 + 900), into: &emissions)
        #expect(emissions.isEmpty && director.connections.liveCount == 0)
    }
}

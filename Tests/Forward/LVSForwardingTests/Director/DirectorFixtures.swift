import LVSConfig
import LVSTestSupport
import LVSWire
@testable import LVSForwarding

/// A director between a client-side router and one real-server segment, documentation
/// addresses throughout:
///
/// - client side: MAC 02:00:00:00:00:d1, 192.0.2.1 / 2001:db8::1; router 02:00:00:00:00:fe
/// - real-server side: MAC 02:00:00:00:00:d2, DIP 10.1.0.1 / 2001:db8:1::1
/// - real servers 10.1.0.11 (02:00:00:00:01:11), 10.1.0.12 (…:12), 2001:db8:1::11 (…:21)
/// - VIP 192.0.2.10 and 2001:db8::10; FULL-NAT local addresses 10.1.0.200, 2001:db8:1::200
enum DirectorFixtures {
    static let clientMAC = PacketBuilder.clientMAC
    static let routerMAC = MACAddress("02:00:00:00:00:fe")!
    static let clientSideMAC = PacketBuilder.directorMAC
    static let realSideMAC = MACAddress("02:00:00:00:00:d2")!
    static let rs1MAC = MACAddress("02:00:00:00:01:11")!
    static let rs2MAC = MACAddress("02:00:00:00:01:12")!
    static let rs6MAC = MACAddress("02:00:00:00:01:21")!
    static let vip = "192.0.2.10"
    static let vip6 = "2001:db8::10"
    static let client = "198.51.100.7"
    static let client6 = "2001:db8:ff::7"

    static func topology(mtu: Int = 1500) -> DirectorTopology {
        DirectorTopology(
            clientSide: .init(mac: clientSideMAC, addresses: [IPAddress("192.0.2.1")!, IPAddress("2001:db8::1")!]),
            realServerSide: .init(mac: realSideMAC, addresses: [IPAddress("10.1.0.1")!, IPAddress("2001:db8:1::1")!],
                                  mtu: mtu),
            clientRouter: routerMAC,
            neighbours: [IPAddress("10.1.0.11")!: rs1MAC, IPAddress("10.1.0.12")!: rs2MAC,
                         IPAddress("2001:db8:1::11")!: rs6MAC])
    }

    static func server(_ address: String, port: UInt16, _ mode: ForwardingMode, weight: Int = 1,
                       tunnel: TunnelOptions? = nil) -> RealServer {
        RealServer(address: IPAddress(address)!, port: port, mode: mode, weight: weight, tunnel: tunnel)
    }

    static func service(_ proto: ServiceProtocol = .tcp, vip: String = vip, port: UInt16 = 80,
                        scheduler: SchedulerKind = .rr, persistence: Persistence? = nil, onePacket: Bool = false,
                        servers: [RealServer], locals: [String] = []) -> VirtualService {
        VirtualService(key: .address(proto, IPAddress(vip)!, port: port), scheduler: scheduler, persistence: persistence,
                       onePacket: onePacket, realServers: servers,
                       localAddresses: locals.map { LocalAddress(address: IPAddress($0)!) })
    }

    static func director(_ services: [VirtualService], profile: KernelProfile = .default, mtu: Int = 1500,
                         settings: ((inout DirectorSettings) -> Void)? = nil) -> Director {
        var tuned = DirectorSettings(profile: profile)
        settings?(&tuned)
        let deployment = Deployment(services: services, source: ConfigSource(file: "fixture", format: .ipvsadm))
        return Director(deployment: deployment, profile: profile, topology: topology(mtu: mtu), settings: tuned)
    }

    static func time(_ second: Int64, _ nanoseconds: Int64 = 0) -> Timestamp {
        Timestamp(seconds: 1_700_000_000 + second, nanoseconds: nanoseconds)
    }
}

/// One emission, copied out of the reusable buffers for comparison.
struct Emitted: Equatable, CustomStringConvertible {
    var verdict: Verdict
    var side: Side?
    var bytes: [UInt8]?

    var description: String {
        "\(verdict) \(side.map { "\($0)" } ?? "-") \(bytes.map { hex($0) } ?? "")"
    }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
}

extension Director {
    /// Processes one frame and returns copies of what was emitted.
    mutating func run(_ frame: [UInt8], from side: Side = .client, at time: Timestamp = DirectorFixtures.time(0))
        -> [Emitted] {
        var emissions = Emissions()
        frame.withUnsafeBytes { process($0, from: side, at: time, into: &emissions) }
        return emissions.records.map { Emitted(verdict: $0.verdict, side: $0.side, bytes: $0.frame.map { Array($0.bytes) }) }
    }

    mutating func run(_ packet: PacketBuilder, from side: Side = .client,
                      at time: Timestamp = DirectorFixtures.time(0)) -> [Emitted] {
        run(packet.bytes, from: side, at: time)
    }
}

import Foundation
import LVSWire
import Testing
@testable import LVSConfig

@Suite struct ModelTests {
    @Test func serviceKeysSortAddressServicesFirst() {
        let keys: [ServiceKey] = [
            .fwmark(2, .ipv4), udp("192.0.2.1", 53), tcp("2001:db8::1", 80), .fwmark(1, .ipv6),
            tcp("192.0.2.1", 443), tcp("192.0.2.1", 80), .address(.sctp, ip("192.0.2.1"), port: 1),
        ]
        #expect(keys.sorted() == [
            tcp("192.0.2.1", 80), tcp("192.0.2.1", 443), tcp("2001:db8::1", 80), udp("192.0.2.1", 53),
            .address(.sctp, ip("192.0.2.1"), port: 1), .fwmark(1, .ipv6), .fwmark(2, .ipv4),
        ])
    }

    @Test func serviceKeySpellings() {
        #expect(tcp("2001:db8::1", 80).ipvsadmSpec == "-t [2001:db8::1]:80")
        #expect(ServiceKey.address(.sctp, ip("192.0.2.1"), port: 9).ipvsadmSpec == "--sctp-service 192.0.2.1:9")
        #expect(ServiceKey.fwmark(5, .ipv6).ipvsadmSpec == "-f 5 -6")
        #expect(udp("192.0.2.1", 53).description == "udp 192.0.2.1:53")
        #expect(ServiceKey.fwmark(5, .ipv4).description == "fwmark 5")
        #expect(ServiceKey.fwmark(5, .ipv6).port == 0 && ServiceKey.fwmark(5, .ipv6).address == nil)
    }

    @Test func modeNamesFollowTheContract() {
        #expect(ForwardingMode.allCases.map(\.jsonName) == ["nat", "dr", "tun", "fullnat"])
        #expect(ForwardingMode.allCases.map(\.ipvsadmFlag) == ["-m", "-g", "-i", "-b"])
        #expect(ForwardingMode.allCases.map(\.keepalivedName) == ["NAT", "DR", "TUN", "FNAT"])
        #expect(ForwardingMode.allCases.filter(\.mapsPorts) == [.nat, .fullNAT])
    }

    @Test func schedulerFlagNamesDependOnTheScheduler() {
        let flags: SchedulerFlags = [.flag1, .flag2, .flag3]
        #expect(flags.names(for: .sh) == ["sh-fallback", "sh-port", "flag-3"])
        #expect(flags.names(for: .mh) == ["mh-fallback", "mh-port", "flag-3"])
        #expect(flags.names(for: .rr) == ["flag-1", "flag-2", "flag-3"])
        #expect(SchedulerKind.allCases.count == 14)
        #expect(SchedulerKind(name: "WLC") == nil)
    }

    @Test func realServerKeepsTunnelOptionsOnlyForTunnels() {
        #expect(RealServer(address: ip("10.0.0.1"), port: 80, mode: .tunnel).tunnel == .ipip)
        #expect(RealServer(address: ip("10.0.0.1"), port: 80, mode: .nat, tunnel: .ipip).tunnel == nil)
    }

    @Test func deploymentEncodesAddressesAsText() throws {
        let deployment = try IpvsadmParser.parse(LabDeployment.ipvsadmSave, file: "lab.ipvsadm")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(deployment)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let services = try #require(json["services"] as? [[String: Any]])
        let first = try #require(services.first)
        let key = try #require(first["key"] as? [String: Any])
        #expect(key["vip"] as? String == "192.0.2.10" && key["protocol"] as? String == "tcp")
        let servers = try #require(first["realServers"] as? [[String: Any]])
        #expect(servers.first?["address"] as? String == "10.1.0.11")
        #expect(servers.first?["mode"] as? String == "nat")
        let decoded = try JSONDecoder().decode(Deployment.self, from: data)
        #expect(decoded.services == deployment.services)
        // Same input, same bytes.
        #expect(try encoder.encode(IpvsadmParser.parse(LabDeployment.ipvsadmSave, file: "lab.ipvsadm")) == data)
    }
}

@Suite struct DeploymentLookupTests {
    @Test func trafficFindsItsServiceAsIPVSWould() throws {
        let deployment = try IpvsadmParser.parse("""
            -A -t 192.0.2.1:80 -s rr
            -a -t 192.0.2.1:80 -r 10.0.0.2:8080 -m
            -A -t 192.0.2.1:0 -s rr -p 60
            -a -t 192.0.2.1:0 -r 10.0.0.1:0 -g
            -A -u 192.0.2.2:53 -s rr
            -A -f 1 -s rr
            -a -f 1 -r 10.0.0.1:0 -g
            """, file: "lookup")
        #expect(deployment.service(for: .tcp, address: ip("192.0.2.1"), port: 80)?.key == tcp("192.0.2.1", 80))
        // Any other port reaches the persistent port-0 service ...
        #expect(deployment.service(for: .tcp, address: ip("192.0.2.1"), port: 22)?.key == tcp("192.0.2.1", 0))
        #expect(deployment.service(for: .udp, address: ip("192.0.2.1"), port: 80) == nil)
        #expect(deployment.service(for: .icmp, address: ip("192.0.2.1"), port: 0) == nil)
        #expect(deployment.virtualAddresses == [ip("192.0.2.1"), ip("192.0.2.2")])
        #expect(deployment.realServerAddresses == [ip("10.0.0.1"), ip("10.0.0.2")])
        #expect(ServiceProtocol(.sctp) == .sctp && ServiceProtocol(.gre) == nil)
    }
}

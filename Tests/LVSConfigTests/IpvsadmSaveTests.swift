import Testing
@testable import LVSConfig

@Suite struct IpvsadmSaveTests {
    @Test func labSaveRendersBackToTheSameText() throws {
        let deployment = try IpvsadmParser.parse(LabDeployment.ipvsadmSave, file: "lab.ipvsadm")
        #expect(deployment.ipvsadmSave() == LabDeployment.ipvsadmSave)
    }

    @Test func keepalivedDeploymentRoundTripsThroughIpvsadmSave() throws {
        let deployment = try KeepalivedParser.parse(FullNATDeployment.keepalived, file: "dpvs.conf")
        let text = deployment.ipvsadmSave()
        #expect(text == """
            -A -t 198.51.100.1:80 -s rr
            -a -t 198.51.100.1:80 -r 10.2.0.2:8080 -b -w 1
            -a -t 198.51.100.1:80 -r 10.2.0.3:8080 -b -w 2
            -P -t 198.51.100.1:80 -z 10.2.0.200 -F dpdk0
            -P -t 198.51.100.1:80 -z 10.2.0.201 -F dpdk0
            -A -t [2001:db8:100::1]:443 -s wlc -j enable
            -a -t [2001:db8:100::1]:443 -r [2001:db8:2::2]:443 -b -w 1
            -P -t [2001:db8:100::1]:443 -z 2001:db8:2::200 -F dpdk1

            """)
        let again = try IpvsadmParser.parse(text, file: "again")
        #expect(again.services == deployment.services)
        #expect(again.ipvsadmSave() == text)
    }

    @Test func everyRenderedSettingReadsBack() throws {
        let services = [
            VirtualService(key: udp("192.0.2.1", 5060), scheduler: .sh, schedulerFlags: [.flag1, .flag2, .flag3],
                           persistence: Persistence(timeout: 90, granularity: .ipv4Netmask(.init(255, 255, 255, 0))),
                           persistenceEngine: "sip", onePacket: true, realServers: [
                               RealServer(address: ip("10.0.0.1"), port: 5060, mode: .nat, weight: 0,
                                          upperThreshold: 200, lowerThreshold: 100),
                           ]),
            VirtualService(key: tcp("2001:db8::1", 443), scheduler: .mh, schedulerFlags: [.mhFallback],
                           persistence: Persistence(timeout: 30, granularity: .ipv6PrefixLength(56)), realServers: [
                               server("192.0.2.9", 443, .tunnel, tunnel: TunnelOptions(type: .gue, port: 6080,
                                                                                       checksum: .remoteChecksum)),
                               server("2001:db8::9", 443, .tunnel, tunnel: TunnelOptions(type: .gre, checksum: .checksum)),
                           ]),
            VirtualService(key: .fwmark(77, .ipv6), scheduler: .twos, realServers: [server("2001:db8::7", 0, .directRouting)]),
        ]
        let deployment = Deployment(services: services, source: ConfigSource(file: "model", format: .ipvsadm),
                                    timeoutOverrides: TimeoutOverrides(tcpEstablished: 1800, tcpFinWait: 60, udp: 0))
        let text = deployment.ipvsadmSave()
        #expect(text.hasPrefix("--set 1800 60 0\n-A -t [2001:db8::1]:443 -s mh -p 30 -M 56 -b mh-fallback\n"))
        #expect(text.contains("-A -u 192.0.2.1:5060 -s sh -p 90 -M 255.255.255.0 --pe sip -o -b sh-fallback,sh-port,flag-3\n"))
        #expect(text.contains("-r 10.0.0.1:5060 -m -w 0 -x 200 -y 100\n"))
        #expect(text.contains("--tun-type gue --tun-port 6080 --tun-remcsum\n"))
        #expect(text.contains("-A -f 77 -6 -s twos\n-a -f 77 -6 -r [2001:db8::7]:0 -g -w 1\n"))
        let again = try IpvsadmParser.parse(text, file: "again")
        #expect(again.services == deployment.services)
        #expect(again.timeoutOverrides == deployment.timeoutOverrides)
    }
}

import LVSWire
import Testing
@testable import LVSConfig

@Suite struct IpvsadmParserTests {
    @Test func labSaveGivesTheExpectedModel() throws {
        let deployment = try IpvsadmParser.parse(LabDeployment.ipvsadmSave, file: "lab.ipvsadm")
        #expect(deployment.services == LabDeployment.expected)
        #expect(deployment.source == ConfigSource(file: "lab.ipvsadm", format: .ipvsadm))
        #expect(deployment.warnings.isEmpty)
        #expect(deployment.origin(of: tcp("192.0.2.20", 443))?.line == 4)
    }

    @Test func dpvsFullNATScriptGivesTheExpectedModel() throws {
        let deployment = try IpvsadmParser.parse(FullNATDeployment.ipvsadmScript, file: "fnat.sh")
        #expect(deployment.services == FullNATDeployment.expected)
        #expect(deployment.warnings.isEmpty)
    }

    @Test(arguments: SchedulerKind.allCases)
    func everySchedulerName(_ scheduler: SchedulerKind) throws {
        let deployment = try IpvsadmParser.parse("-A -t 192.0.2.1:80 -s \(scheduler.name)\n", file: "s")
        #expect(deployment.services.first?.scheduler == scheduler)
    }

    @Test func defaultsAreThoseOfIpvsadm() throws {
        let deployment = try IpvsadmParser.parse("""
            -A -t 192.0.2.1:80
            -a -t 192.0.2.1:80 -r 10.0.0.1
            -A -t 192.0.2.1:81 -p
            """, file: "d")
        let plain = try #require(deployment.service(tcp("192.0.2.1", 80)))
        #expect(plain.scheduler == .wlc)
        #expect(plain.persistence == nil)
        // No port on -r: the service port; no method: -g; no weight: 1.
        #expect(plain.realServers == [server("10.0.0.1", 80, .directRouting)])
        let persistent = try #require(deployment.service(tcp("192.0.2.1", 81)))
        #expect(persistent.persistence == Persistence(timeout: 300, granularity: .exact(.ipv4)))
    }

    @Test func longOptionsMeanTheSameAsShortOnes() throws {
        let long = try IpvsadmParser.parse("""
            --add-service --tcp-service 192.0.2.1:80 --scheduler=sh --persistent 60 --netmask 255.255.0.0 \\
                --sched-flags sh-port --pe sip
            --add-server --tcp-service 192.0.2.1:80 --real-server 10.0.0.1:8080 --masquerading --weight 4 \\
                --u-threshold 100 --l-threshold 50
            --add-service --udp-service 192.0.2.1:53 --ops
            --add-service --sctp-service 192.0.2.1:3868
            --add-server --sctp-service 192.0.2.1:3868 --real-server 10.0.0.9 --gatewaying
            --add-service --fwmark-service 7 --ipv6 --scheduler rr
            --add-server --fwmark-service 7 --ipv6 --real-server [2001:db8::7] --ipip --tun-type gue --tun-port 5555 \\
                --tun-remcsum
            """, file: "long")
        let short = try IpvsadmParser.parse("""
            -A -t 192.0.2.1:80 -s sh -p 60 -M 255.255.0.0 -b sh-port --pe sip
            -a -t 192.0.2.1:80 -r 10.0.0.1:8080 -m -w 4 -x 100 -y 50
            -A -u 192.0.2.1:53 -o
            -A --sctp-service 192.0.2.1:3868
            -a --sctp-service 192.0.2.1:3868 -r 10.0.0.9 -g
            -A -f 7 -6 -s rr
            -a -f 7 -6 -r [2001:db8::7] -i --tun-type gue --tun-port 5555 --tun-remcsum
            """, file: "short")
        #expect(long.services == short.services)
        let web = try #require(short.service(tcp("192.0.2.1", 80)))
        #expect(web.persistenceEngine == "sip")
        #expect(web.hashesClientPort && !web.hashFallback)
        #expect(web.persistence?.granularity == .ipv4Netmask(IPv4Address(255, 255, 0, 0)))
        #expect(web.realServers.first?.upperThreshold == 100)
        #expect(web.realServers.first?.lowerThreshold == 50)
        #expect(short.service(.address(.sctp, ip("192.0.2.1"), port: 3868))?.realServers.first?.port == 3868)
        let mark = try #require(short.service(.fwmark(7, .ipv6)))
        #expect(mark.realServers.first?.tunnel == TunnelOptions(type: .gue, port: 5555, checksum: .remoteChecksum))
    }

    @Test func ipv6PersistenceTakesAPrefixLength() throws {
        let deployment = try IpvsadmParser.parse("-A -t [2001:db8::1]:443 -s rr -p 120 -M 64\n", file: "v6")
        #expect(deployment.services.first?.persistence == Persistence(timeout: 120, granularity: .ipv6PrefixLength(64)))
    }

    @Test func editAndDeleteCommandsApplyInOrder() throws {
        let deployment = try IpvsadmParser.parse("""
            -A -t 192.0.2.1:80 -s rr -p 30
            -a -t 192.0.2.1:80 -r 10.0.0.1:80 -m -w 1
            -a -t 192.0.2.1:80 -r 10.0.0.2:80 -m -w 1
            -A -t 192.0.2.2:80 -s rr
            -E -t 192.0.2.1:80 -s wlc
            -e -t 192.0.2.1:80 -r 10.0.0.2:80 -m -w 5
            -d -t 192.0.2.1:80 -r 10.0.0.1:80
            -D -t 192.0.2.2:80
            -Z
            """, file: "edits")
        // -E rebuilds the service from its line: the persistence it did not repeat is gone.
        #expect(deployment.services == [
            VirtualService(key: tcp("192.0.2.1", 80), scheduler: .wlc,
                           realServers: [server("10.0.0.2", 80, .nat, weight: 5)]),
        ])
    }

    @Test func clearEmptiesTheTable() throws {
        let deployment = try IpvsadmParser.parse("-A -t 192.0.2.1:80\n-C\n-A -u 192.0.2.1:53\n", file: "c")
        #expect(deployment.services.map(\.key) == [udp("192.0.2.1", 53)])
    }

    @Test func setRecordsTimeoutOverrides() throws {
        let deployment = try IpvsadmParser.parse("ipvsadm --set 3600 0 60\n", file: "t")
        #expect(deployment.timeoutOverrides == TimeoutOverrides(tcpEstablished: 3600, tcpFinWait: 0, udp: 60))
        let timeouts = Timeouts.linux.applying(deployment.timeoutOverrides)
        #expect(timeouts.tcpEstablished == 3600 && timeouts.tcpFinWait == 120 && timeouts.udp == 60)
    }

    @Test func localAddressesCanBeRemoved() throws {
        let deployment = try IpvsadmParser.parse("""
            -A -t 198.51.100.1:80 -s rr
            -P -t 198.51.100.1:80 -z 10.2.0.200 -F dpdk0
            -P -t 198.51.100.1:80 -z 10.2.0.201
            -Q -t 198.51.100.1:80 -z 10.2.0.200 -F dpdk0
            """, file: "q")
        #expect(deployment.services.first?.localAddresses == [LocalAddress(address: ip("10.2.0.201"))])
    }

    @Test func synproxyCanBeDisabled() throws {
        let deployment = try IpvsadmParser.parse("-A -t 198.51.100.1:80 -s rr -j disable\n", file: "j")
        #expect(deployment.services.first?.synproxy == false)
    }

    @Test func commentsContinuationsQuotesAndServiceNames() throws {
        let deployment = try IpvsadmParser.parse("""
            # saved by ipvsadm-save (without -n for ports)

            -A -t 192.0.2.1:http -s "rr"   # trailing comment
            -a -t 192.0.2.1:http \\
               -r 10.0.0.1:http-alt -m\r
            -A -u 192.0.2.1:domain -s 'wlc'
            """, file: "names")
        #expect(deployment.services.map(\.key) == [tcp("192.0.2.1", 80), udp("192.0.2.1", 53)])
        #expect(deployment.services.first?.realServers == [server("10.0.0.1", 8080, .nat)])
    }

    @Test func warningsForWhatIpvsadmAcceptsButIgnores() throws {
        let deployment = try IpvsadmParser.parse("""
            -A -t 192.0.2.1:80 -s rr -M 255.255.255.0
            -a -t 192.0.2.1:80 -r 10.0.0.1:8080 -g
            --start-daemon master --mcast-interface eth0 --syncid 1
            -A -t 192.0.2.2:80 -s rr --conn-timeout 60
            -U -t 192.0.2.2:80 -k 203.0.113.66
            --stop-daemon master
            """, file: "w.ipvsadm")
        #expect(deployment.warnings.map(\.description) == [
            "w.ipvsadm:1:29: warning: netmask 255.255.255.0 has no effect without -p",
            "w.ipvsadm:2:23: warning: port 8080 ignored: ipvsadm uses the service port 80 for -g",
            "w.ipvsadm:3:1: warning: sync daemon settings are not modelled; line ignored",
            "w.ipvsadm:4:26: warning: --conn-timeout is a DPVS setting lvscope does not model; ignored",
            "w.ipvsadm:5:1: warning: DPVS black/white lists are not modelled; line ignored",
            "w.ipvsadm:6:1: warning: sync daemon settings are not modelled; line ignored",
        ])
        // DR cannot map ports: ipvsadm stores the service port, and the model keeps the
        // port the file asked for so a rule can say why the server refuses.
        #expect(deployment.services.first?.realServers.first?.port == 80)
        #expect(deployment.services.first?.realServers.first?.requestedPort == 8080)
    }

    @Test func requestedPortOnlyWhenIpvsadmReplacedIt() throws {
        let deployment = try IpvsadmParser.parse("""
            -A -t 192.0.2.1:80 -s rr
            -a -t 192.0.2.1:80 -r 10.0.0.1:8080 -m
            -a -t 192.0.2.1:80 -r 10.0.0.2:80 -g
            -a -t 192.0.2.1:80 -r 10.0.0.3 -g
            """, file: "p.ipvsadm")
        let servers = deployment.services.first?.realServers ?? []
        #expect(servers.map(\.port) == [8080, 80, 80])
        #expect(servers.map(\.requestedPort) == [nil, nil, nil])
    }

    @Test func tunnellingMayMixAddressFamilies() throws {
        let deployment = try IpvsadmParser.parse("""
            -A -t 192.0.2.1:80 -s rr
            -a -t 192.0.2.1:80 -r [2001:db8::5]:80 -i
            """, file: "mix")
        #expect(deployment.services.first?.realServers.first?.tunnel == .ipip)
    }
}

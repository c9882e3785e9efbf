import LVSWire
import Testing
@testable import LVSConfig

@Suite struct KeepalivedParserTests {
    /// Writes the lab keepalived.conf and its includes, and parses the main file.
    static func labDeployment() throws -> Deployment {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        for (name, text) in LabDeployment.includedFiles { try scratch.write(name, text) }
        let main = try scratch.write("keepalived.conf", LabDeployment.keepalivedMain)
        return try KeepalivedParser.parse(path: main)
    }

    @Test func labConfigWithIncludesAndGroupGivesTheExpectedModel() throws {
        let deployment = try Self.labDeployment()
        #expect(deployment.services == LabDeployment.expected)
        #expect(deployment.source.format == .keepalived)
        #expect(deployment.warnings.isEmpty)
        // Origins point into the included files.
        #expect(deployment.origin(of: tcp("198.51.100.30", 80))?.file.hasSuffix("conf.d/30-tun.conf") == true)
        // A service from a group originates at its group entry.
        #expect(deployment.origin(of: udp("192.0.2.11", 53))?.line == 28)
    }

    @Test func bothFormatsOfTheLabDeploymentAreEqual() throws {
        let fromIpvsadm = try IpvsadmParser.parse(LabDeployment.ipvsadmSave, file: "lab.ipvsadm")
        #expect(try Self.labDeployment().services == fromIpvsadm.services)
    }

    @Test func dpvsFullNATConfigGivesTheExpectedModel() throws {
        let deployment = try KeepalivedParser.parse(FullNATDeployment.keepalived, file: "dpvs.conf")
        #expect(deployment.services == FullNATDeployment.expected)
        #expect(deployment.warnings.isEmpty)
        let fromIpvsadm = try IpvsadmParser.parse(FullNATDeployment.ipvsadmScript, file: "fnat.sh")
        #expect(deployment.services == fromIpvsadm.services)
    }

    /// keepalived takes a virtual_server without a port as port 0, which IPVS uses only
    /// for persistent connections (ipvsadm refuses it otherwise): a warning says so.
    @Test func portZeroWithoutPersistenceIsWarnedOf() throws {
        let plain = try Deployment.parse("virtual_server 192.0.2.1 {\n    lb_kind DR\n}\n", file: "k.conf")
        #expect(plain.services.map(\.key) == [.address(.tcp, ip("192.0.2.1"), port: 0)])
        #expect(plain.warnings.map(\.message) == ["virtual server tcp 192.0.2.1:0 has port 0 but no "
            + "persistence_timeout: a port-0 service takes only persistent connections"])
        let persistent = try Deployment.parse("virtual_server 192.0.2.1 {\n    persistence_timeout 300\n}\n",
                                              file: "k.conf")
        #expect(persistent.warnings.isEmpty && persistent.services.first?.persistence != nil)
    }

    @Test(arguments: SchedulerKind.allCases)
    func everySchedulerName(_ scheduler: SchedulerKind) throws {
        for keyword in ["lb_algo", "lvs_sched"] {
            let text = "virtual_server 192.0.2.1 80 {\n  \(keyword) \(scheduler.name)\n}\n"
            #expect(try KeepalivedParser.parse(text, file: "k").services.first?.scheduler == scheduler)
        }
    }

    @Test(arguments: [("NAT", ForwardingMode.nat), ("DR", .directRouting), ("TUN", .tunnel), ("FNAT", .fullNAT)])
    func everyMethodAtBothLevels(_ word: String, _ mode: ForwardingMode) throws {
        for keyword in ["lb_kind", "lvs_method"] {
            let text = """
                virtual_server 192.0.2.1 80 {
                    \(keyword) \(word)
                    real_server 192.0.2.5 80
                }
                virtual_server 192.0.2.1 81 {
                    lvs_method NAT
                    real_server 192.0.2.5 81 { lvs_method \(word) }
                }
                """
            let services = try KeepalivedParser.parse(text, file: "m").services
            #expect(services.map { $0.realServers.first?.mode } == [mode, mode])
        }
    }

    @Test func defaultsAreThoseOfKeepalived() throws {
        let deployment = try KeepalivedParser.parse("""
            virtual_server 192.0.2.1 80 {
                real_server 10.0.0.1 8080
                real_server 10.0.0.2
            }
            virtual_server 192.0.2.1 443 {
                persistence_timeout
                lvs_method DR
            }
            virtual_server 192.0.2.1 444 {
                persistence_granularity 255.255.255.0
            }
            virtual_server 192.0.2.1 445 {
                persistence_timeout 0
            }
            """, file: "defaults.conf")
        let web = try #require(deployment.service(tcp("192.0.2.1", 80)))
        #expect(web.scheduler == .wlc)
        // No lvs_method anywhere: NAT; no port on real_server: the virtual port.
        #expect(web.realServers == [server("10.0.0.1", 8080, .nat), server("10.0.0.2", 80, .nat)])
        #expect(deployment.warnings.map(\.description) == [
            "defaults.conf:2:5: warning: no lvs_method for 10.0.0.1; keepalived uses NAT",
        ])
        #expect(deployment.service(tcp("192.0.2.1", 443))?.persistence?.timeout == 360)
        #expect(deployment.service(tcp("192.0.2.1", 444))?.persistence
                == Persistence(timeout: 360, granularity: .ipv4Netmask(IPv4Address(255, 255, 255, 0))))
        #expect(deployment.service(tcp("192.0.2.1", 445))?.persistence == nil)
    }

    @Test func realServerSettings() throws {
        let deployment = try KeepalivedParser.parse("""
            virtual_server 2001:db8::1 443 {
                protocol tcp
                lvs_method NAT
                inhibit_on_failure
                persistence_timeout 120
                persistence_granularity 48
                persistence_engine sip
                real_server 2001:db8::11 8443 {
                    weight 7
                    uthreshold 1000
                    lthreshold 800
                    inhibit_on_failure false
                    notify_up "/usr/local/bin/notify up"
                    SSL_GET { url { path / digest 0123 } }
                }
                real_server 2001:db8::12 8443 { weight 3 }
                sorry_server 2001:db8::99 8080
                sorry_server_lvs_method NAT
                sorry_server_inhibit
            }
            """, file: "rs.conf")
        let service = try #require(deployment.services.first)
        #expect(service.persistence == Persistence(timeout: 120, granularity: .ipv6PrefixLength(48)))
        #expect(service.persistenceEngine == "sip")
        #expect(service.realServers == [
            RealServer(address: ip("2001:db8::11"), port: 8443, mode: .nat, weight: 7, upperThreshold: 1000,
                       lowerThreshold: 800),
            RealServer(address: ip("2001:db8::12"), port: 8443, mode: .nat, weight: 3, inhibitOnFailure: true),
        ])
        #expect(service.sorryServer == RealServer(address: ip("2001:db8::99"), port: 8080, mode: .nat,
                                                  inhibitOnFailure: true))
        #expect(deployment.warnings.isEmpty)
    }

    @Test func schedulerFlagsOpsAndFamilies() throws {
        let deployment = try KeepalivedParser.parse("""
            virtual_server 192.0.2.1 53 {
                protocol UDP
                lvs_sched sh
                sh-port
                flag-3
                ops
            }
            virtual_server fwmark 9 {
                lvs_method TUN
                real_server 2001:db8::5 0 { weight 1 }
                real_server 192.0.2.7 0 { lvs_method DR }
            }
            virtual_server fwmark 10 {
                lvs_method TUN
                real_server 2001:db8::5
            }
            virtual_server 192.0.2.1 80 {
                protocol SCTP
            }
            """, file: "flags.conf")
        let dns = try #require(deployment.service(udp("192.0.2.1", 53)))
        #expect(dns.schedulerFlags == [.shPort, .flag3] && dns.onePacket && dns.hashesClientPort)
        // A fwmark service takes the family of its first non-tunnelled real server ...
        #expect(deployment.service(.fwmark(9, .ipv4)) != nil)
        // ... or, when all are tunnelled, of its first real server.
        #expect(deployment.service(.fwmark(10, .ipv6)) != nil)
        #expect(deployment.service(.address(.sctp, ip("192.0.2.1"), port: 80)) != nil)
    }

    @Test func groupsExpandRangesPortsAndFwmarks() throws {
        let deployment = try KeepalivedParser.parse("""
            virtual_server_group web {
                192.0.2.20-22 80
                2001:db8::a-b 80  fwmark 5 inet6
                192.0.2.30
            }
            virtual_server group web {
                lvs_method TUN
                persistence_timeout 60
                real_server 192.0.2.100 { weight 1 }
            }
            """, file: "group.conf")
        #expect(deployment.services.map(\.key) == [
            tcp("192.0.2.20", 80), tcp("192.0.2.21", 80), tcp("192.0.2.22", 80), tcp("192.0.2.30", 0),
            tcp("2001:db8::a", 80), tcp("2001:db8::b", 80), .fwmark(5, .ipv6),
        ])
        // Real servers take each service's port when they give none; TUN lets an IPv4 real
        // server serve the IPv6 entries.
        #expect(deployment.service(tcp("192.0.2.21", 80))?.realServers.first?.port == 80)
        #expect(deployment.service(tcp("2001:db8::b", 80))?.realServers == [
            server("192.0.2.100", 80, .tunnel, tunnel: .ipip),
        ])
    }

    @Test func preprocessingVariablesConditionalsQuotesAndComments() throws {
        let deployment = try KeepalivedParser.parse("""
            $VIP=192.0.2.50
            $PORT=8080
            @lb2 virtual_server 192.0.2.99 80 { }
            @^lb2 virtual_server ${VIP} 80 {   ! not for lb2
                lvs_sched "rr"     # quoted word
                lvs_method NAT
                real_server 10.0.0.1 $PORT{weight 2}
            }
            """, file: "pre.conf")
        #expect(deployment.services == [
            VirtualService(key: tcp("192.0.2.50", 80), scheduler: .rr,
                           realServers: [server("10.0.0.1", 8080, .nat, weight: 2)]),
        ])
    }

    @Test func warningsForWhatKeepalivedIgnores() throws {
        let deployment = try KeepalivedParser.parse("""
            vrrp_instance VI_1 { state MASTER }
            frobnicator { on }
            virtual_server 192.0.2.1 80 {
                lb_algo loadbalance
                lb_kind NAT
                nb_get_retry 3
                tun_type gue
                mh-port
                ops
                real_server 10.0.0.1 80 {
                    weight 1
                    magic_option 4
                    lvs_method DIRECT
                }
                real_server 10.0.0.1 80 { weight 9 }
            }
            include missing.d/*.conf
            """, file: "warn.conf")
        #expect(deployment.warnings.map(\.description) == [
            "warn.conf:17:9: warning: include \"missing.d/*.conf\" matched no files",
            "warn.conf:2:1: warning: unknown top-level keyword \"frobnicator\" (skipped)",
            "warn.conf:4:13: warning: unknown scheduler \"loadbalance\" (keepalived ignores it and uses wlc)",
            "warn.conf:7:5: warning: unknown keyword \"tun_type\" in virtual_server (skipped); "
                + "write `lvs_method TUN type ipip|gue|gre`",
            "warn.conf:12:9: warning: unknown keyword \"magic_option\" in real_server (skipped)",
            "warn.conf:13:20: warning: unknown lvs_method \"DIRECT\" (keepalived ignores it; NAT, DR, TUN or FNAT)",
            "warn.conf:8:5: warning: mh-port only applies to the mh scheduler (ignored)",
            "warn.conf:9:5: warning: ops applies only to UDP services; the kernel ignores it for tcp",
            "warn.conf:15:5: warning: real server 10.0.0.1:80 is duplicated; keepalived keeps the first",
        ])
        let service = try #require(deployment.services.first)
        #expect(service.scheduler == .wlc && service.schedulerFlags.isEmpty && !service.onePacket)
        #expect(service.realServers == [server("10.0.0.1", 80, .nat)])
    }
}

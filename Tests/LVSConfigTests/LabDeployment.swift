import LVSWire
import Testing
@testable import LVSConfig

/// A kernel-LVS director with NAT, DR and TUN services, IPv6 and fwmark services, written
/// once as `ipvsadm-save -n` output and once as keepalived.conf with includes and a
/// virtual_server_group; `expected` is the model both must give.
enum LabDeployment {
    static let ipvsadmSave = """
    -A -t 192.0.2.10:80 -s wlc
    -a -t 192.0.2.10:80 -r 10.1.0.11:8080 -m -w 3
    -a -t 192.0.2.10:80 -r 10.1.0.12:8080 -m -w 1
    -A -t 192.0.2.20:443 -s sh -p 600 -M 255.255.255.0 -b sh-fallback,sh-port
    -a -t 192.0.2.20:443 -r 192.0.2.21:443 -g -w 2
    -a -t 192.0.2.20:443 -r 192.0.2.22:443 -g -w 0
    -A -t 198.51.100.30:80 -s wrr
    -a -t 198.51.100.30:80 -r 203.0.113.31:80 -i -w 1 --tun-type ipip
    -a -t 198.51.100.30:80 -r 203.0.113.32:80 -i -w 1 --tun-type gue --tun-port 6080 --tun-csum
    -a -t 198.51.100.30:80 -r 203.0.113.33:80 -i -w 1 --tun-type gre --tun-nocsum
    -A -t [2001:db8::10]:443 -s mh -b mh-port
    -a -t [2001:db8::10]:443 -r [2001:db8:1::5]:443 -g -w 1
    -a -t [2001:db8::10]:443 -r [2001:db8:1::6]:443 -g -w 1
    -A -u 192.0.2.10:53 -s rr -o
    -a -u 192.0.2.10:53 -r 10.1.0.21:53 -m -w 1
    -A -u 192.0.2.11:53 -s rr -o
    -a -u 192.0.2.11:53 -r 10.1.0.21:53 -m -w 1
    -A -f 42 -s lc -p 300
    -a -f 42 -r 10.1.0.31:0 -g -w 1
    -A -f 43 -6 -s rr
    -a -f 43 -6 -r [2001:db8:1::7]:0 -g -w 1

    """

    /// keepalived.conf; `include conf.d/*.conf` pulls in `includedFiles`.
    static let keepalivedMain = """
    ! Configuration File for keepalived (lab director)
    global_defs {
       router_id LVS_LAB
       notification_email { ops@example.org }
    }

    vrrp_instance VI_1 {
        state MASTER
        interface eth0
        virtual_router_id 51
        priority 100
        advert_int 1
        authentication {
            auth_type PASS
            auth_pass "not a secret"
        }
        virtual_ipaddress {
            192.0.2.10/24 dev eth0
            192.0.2.20/24 dev eth0
        }
    }

    include conf.d/*.conf

    """

    static let includedFiles: [(String, String)] = [
        ("conf.d/10-nat.conf", """
        # NAT web service and the DNS pair, checked by keepalived
        virtual_server 192.0.2.10 80 {
            delay_loop 6
            lb_algo wlc
            lb_kind NAT
            protocol TCP

            real_server 10.1.0.11 8080 {
                weight 3
                TCP_CHECK {
                    connect_timeout 3
                    connect_port 8080
                }
            }
            real_server 10.1.0.12 8080 {
                weight 1
                HTTP_GET {
                    url {
                      path /healthz
                      status_code 200
                    }
                    connect_timeout 3
                }
            }
        }

        virtual_server_group dns {
            192.0.2.10-11 53
        }

        virtual_server group dns {
            lvs_sched rr
            lvs_method NAT
            protocol UDP
            ops
            real_server 10.1.0.21 53 {
                weight 1
                DNS_CHECK { type A }
            }
        }

        """),
        ("conf.d/20-dr.conf", """
        virtual_server 192.0.2.20 443 {
            lvs_sched sh
            sh-fallback
            sh-port
            lvs_method DR
            protocol TCP
            persistence_timeout 600
            persistence_granularity 255.255.255.0
            real_server 192.0.2.21 443 { weight 2 }
            real_server 192.0.2.22 443 {
                weight 0
            }
        }

        virtual_server 2001:db8::10 443 {
            lvs_sched mh
            mh-port
            lvs_method DR
            protocol TCP
            real_server 2001:db8:1::5 443 { weight 1 }
            real_server 2001:db8:1::6 443
            {
                weight 1
            }
        }

        virtual_server fwmark 42 {
            lvs_sched lc
            lvs_method DR
            persistence_timeout 300
            real_server 10.1.0.31 { weight 1 }
        }

        virtual_server fwmark 43 {
            ip_family inet6
            lvs_sched rr
            lvs_method DR
            real_server 2001:db8:1::7
        }

        """),
        ("conf.d/30-tun.conf", """
        virtual_server 198.51.100.30 80 {
            lvs_sched wrr
            lvs_method TUN
            protocol TCP
            real_server 203.0.113.31 80 { weight 1 }
            real_server 203.0.113.32 80 {
                lvs_method TUN type gue port 6080 csum
            }
            real_server 203.0.113.33 80 {
                lvs_method TUN type gre nocsum
            }
        }

        """),
    ]

    static var expected: [VirtualService] {
        [
            VirtualService(key: tcp("192.0.2.10", 80), scheduler: .wlc, realServers: [
                server("10.1.0.11", 8080, .nat, weight: 3), server("10.1.0.12", 8080, .nat),
            ]),
            VirtualService(
                key: tcp("192.0.2.20", 443), scheduler: .sh, schedulerFlags: [.shFallback, .shPort],
                persistence: Persistence(timeout: 600, granularity: .ipv4Netmask(IPv4Address(255, 255, 255, 0))),
                realServers: [server("192.0.2.21", 443, .directRouting, weight: 2),
                              server("192.0.2.22", 443, .directRouting, weight: 0)]),
            VirtualService(key: tcp("198.51.100.30", 80), scheduler: .wrr, realServers: [
                server("203.0.113.31", 80, .tunnel, tunnel: .ipip),
                server("203.0.113.32", 80, .tunnel, tunnel: TunnelOptions(type: .gue, port: 6080, checksum: .checksum)),
                server("203.0.113.33", 80, .tunnel, tunnel: TunnelOptions(type: .gre)),
            ]),
            VirtualService(key: tcp("2001:db8::10", 443), scheduler: .mh, schedulerFlags: [.mhPort], realServers: [
                server("2001:db8:1::5", 443, .directRouting), server("2001:db8:1::6", 443, .directRouting),
            ]),
            VirtualService(key: udp("192.0.2.10", 53), scheduler: .rr, onePacket: true,
                           realServers: [server("10.1.0.21", 53, .nat)]),
            VirtualService(key: udp("192.0.2.11", 53), scheduler: .rr, onePacket: true,
                           realServers: [server("10.1.0.21", 53, .nat)]),
            VirtualService(key: .fwmark(42, .ipv4), scheduler: .lc,
                           persistence: Persistence(timeout: 300, granularity: .exact(.ipv4)),
                           realServers: [server("10.1.0.31", 0, .directRouting)]),
            VirtualService(key: .fwmark(43, .ipv6), scheduler: .rr,
                           realServers: [server("2001:db8:1::7", 0, .directRouting)]),
        ]
    }
}

/// A DPVS FULL-NAT director with local addresses and a SYN-proxied IPv6 service, as a
/// DPVS ipvsadm script and as the DPVS keepalived fork's configuration.
enum FullNATDeployment {
    static let ipvsadmScript = """
    # DPVS FULL-NAT, configured with DPVS's ipvsadm
    ipvsadm -A -t 198.51.100.1:80 -s rr
    ipvsadm -a -t 198.51.100.1:80 -r 10.2.0.2:8080 -b
    ipvsadm -a -t 198.51.100.1:80 -r 10.2.0.3:8080 -b -w 2
    ipvsadm --add-laddr -z 10.2.0.200 -t 198.51.100.1:80 -F dpdk0
    ipvsadm --add-laddr -z 10.2.0.201 -t 198.51.100.1:80 -F dpdk0

    ipvsadm -A -t [2001:db8:100::1]:443 -s wlc -j enable
    ipvsadm -a -t [2001:db8:100::1]:443 -r [2001:db8:2::2]:443 -b
    ipvsadm -P -t [2001:db8:100::1]:443 -z 2001:db8:2::200 -F dpdk1

    """

    static let keepalived = """
    local_address_group laddr_g1 {
        10.2.0.200-201 dpdk0    # two LIPs on the DPDK port
    }
    local_address_group laddr_v6 {
        2001:db8:2::200 dpdk1
    }

    virtual_server 198.51.100.1 80 {
        delay_loop 3
        lb_algo rr
        lb_kind FNAT
        protocol TCP
        laddr_group_name laddr_g1
        real_server 10.2.0.2 8080 {
            weight 1
            TCP_CHECK { connect_timeout 3 }
        }
        real_server 10.2.0.3 8080 { weight 2 }
    }

    virtual_server 2001:db8:100::1 443 {
        lb_algo wlc
        lb_kind FNAT
        protocol TCP
        syn_proxy
        laddr_group_name laddr_v6
        real_server 2001:db8:2::2 443 { weight 1 }
    }

    """

    static var expected: [VirtualService] {
        [
            VirtualService(
                key: tcp("198.51.100.1", 80), scheduler: .rr,
                realServers: [server("10.2.0.2", 8080, .fullNAT), server("10.2.0.3", 8080, .fullNAT, weight: 2)],
                localAddresses: [LocalAddress(address: ip("10.2.0.200"), interface: "dpdk0"),
                                 LocalAddress(address: ip("10.2.0.201"), interface: "dpdk0")]),
            VirtualService(
                key: tcp("2001:db8:100::1", 443), scheduler: .wlc, synproxy: true,
                realServers: [server("2001:db8:2::2", 443, .fullNAT)],
                localAddresses: [LocalAddress(address: ip("2001:db8:2::200"), interface: "dpdk1")]),
        ]
    }
}

import Testing
@testable import LVSConfig

/// Each broken keepalived.conf and the exact `file:line:column: message` it must give.
@Suite struct KeepalivedErrorTests {
    static let cases: [(String, String)] = [
        ("virtual_server 192.0.2.10 80 {\n    lb_algo rr\n", "bad.conf:1:30: '{' is never closed"),
        ("virtual_server 192.0.2.10 80 {\n}\n}", "bad.conf:3:1: '}' without a matching '{'"),
        ("{\n}", "bad.conf:1:1: '{' without a keyword before it"),
        ("virtual_server 192.0.2.10 80 {\n    lb_algo\n}", "bad.conf:2:5: lb_algo needs a value"),
        ("virtual_server 192.0.2.10 80 {\n    real_server 10.0.0.1 80 {\n        weight 70000\n    }\n}",
         "bad.conf:3:16: weight 70000 out of range 0...65535"),
        ("virtual_server 192.0.2.10 80 {\n    real_server 10.0.0.1 80 {\n        weight heavy\n    }\n}",
         "bad.conf:3:16: bad weight \"heavy\": not a number"),
        ("virtual_server 192.0.2.10 80 {\n    real_server 10.0.0.300 80\n}",
         "bad.conf:2:17: bad real server address \"10.0.0.300\""),
        ("virtual_server 192.0.2.10 80", "bad.conf:1:1: virtual_server needs a { } block"),
        ("virtual_server {\n}", "bad.conf:1:1: virtual_server needs an address and port, fwmark N or group NAME"),
        ("virtual_server 192.0.2.10 http80 {\n}", "bad.conf:1:27: bad port \"http80\": not a number"),
        ("virtual_server fwmark {\n}", "bad.conf:1:1: virtual_server needs a value"),
        ("virtual_server group nope {\n}", "bad.conf:1:22: unknown virtual_server_group \"nope\""),
        ("virtual_server 192.0.2.10 80 {\n    laddr_group_name lg\n}",
         "bad.conf:2:22: unknown local_address_group \"lg\""),
        ("virtual_server 192.0.2.10 80 {\n    protocol ICMP\n}",
         "bad.conf:2:14: unknown protocol \"ICMP\" (TCP, UDP or SCTP)"),
        ("virtual_server 192.0.2.10 80 {\n    real_server 10.0.0.1 80 {\n        lvs_method TUN type gue\n    }\n}",
         "bad.conf:3:20: gue tunnels need a port"),
        ("virtual_server 192.0.2.10 80 {\n    lvs_method TUN type gre remcsum\n}",
         "bad.conf:2:16: gre tunnels do not support remcsum"),
        ("virtual_server 192.0.2.10 80 {\n    lvs_method TUN type vxlan\n}",
         "bad.conf:2:25: unknown tunnel type \"vxlan\" (ipip, gue or gre)"),
        ("virtual_server 192.0.2.10 80 {\n    lvs_method TUN type gue port\n}",
         "bad.conf:2:29: tunnel port needs a value"),
        ("virtual_server 192.0.2.10 80 {\n    lvs_method TUN fast\n}", "bad.conf:2:20: unknown tunnel option \"fast\""),
        ("virtual_server 192.0.2.10 80 {\n    real_server 10.0.0.1 80 {\n        lvs_method DR type gue\n    }\n}",
         "bad.conf:3:23: tunnel options need lvs_method TUN"),
        ("virtual_server 192.0.2.10 80 {\n    lvs_method DR\n    real_server 2001:db8::1 80\n}",
         "bad.conf:3:5: real server 2001:db8::1 is ipv6 but virtual server tcp 192.0.2.10:80 is ipv4; only TUN may mix families"),
        ("virtual_server 192.0.2.10 80 {\n}\nvirtual_server 192.0.2.10 80 {\n}",
         "bad.conf:3:1: duplicate virtual server tcp 192.0.2.10:80 (first defined at bad.conf:1:1)"),
        ("virtual_server 192.0.2.10 80 {\n    persistence_granularity 255.0.0\n}", "bad.conf:2:29: bad netmask \"255.0.0\""),
        ("virtual_server 2001:db8::1 80 {\n    persistence_granularity 0\n}",
         "bad.conf:2:29: IPv6 netmask 0 out of range 1...128"),
        ("virtual_server 192.0.2.10 80 {\n    persistence_timeout 2678401\n}",
         "bad.conf:2:25: persistence_timeout 2678401 out of range 0...2678400"),
        ("virtual_server_group g {\n    192.0.2.10-300 80\n}", "bad.conf:2:5: bad address range \"192.0.2.10-300\""),
        ("virtual_server_group g {\n    192.0.2.10-5 80\n}", "bad.conf:2:5: address range \"192.0.2.10-5\" runs backwards"),
        ("virtual_server_group g {\n    2001:db8::-ffff 80\n}",
         "bad.conf:2:5: address range \"2001:db8::-ffff\" has more than 4096 addresses"),
        ("virtual_server_group g {\n    fwmark\n}", "bad.conf:2:5: fwmark needs a value"),
        ("virtual_server_group g {\n    192.0.2.1 80\n}\nvirtual_server_group g {\n    192.0.2.2 80\n}",
         "bad.conf:4:22: virtual_server_group g is defined twice"),
        ("virtual_server_group g {\n    web { 192.0.2.1 80 }\n}", "bad.conf:2:5: unexpected block in virtual_server_group g"),
        ("local_address_group l", "bad.conf:1:1: local_address_group l needs a { } block"),
        ("virtual_server 192.0.2.10 80 {\n    ip_family ipx\n}", "bad.conf:2:15: ip_family must be inet or inet6, not \"ipx\""),
        ("virtual_server 192.0.2.10 80 {\n    ip_family inet6\n}",
         "bad.conf:1:1: ip_family ipv6 conflicts with virtual server address 192.0.2.10"),
        ("virtual_server 192.0.2.10 80 {\n    lb_kind SNAT\n}", "bad.conf:2:13: DPVS SNAT forwarding is not supported"),
        ("virtual_server 192.0.2.10 80 {\n    real_server 10.0.0.1 80 {\n        inhibit_on_failure maybe\n    }\n}",
         "bad.conf:3:28: inhibit_on_failure takes true or false, not \"maybe\""),
        ("include", "bad.conf:1:1: include needs a file name"),
        ("include /nonexistent/lvscope-test.conf",
         "bad.conf:1:9: cannot include /nonexistent/lvscope-test.conf: no such file"),
    ]

    @Test(arguments: cases)
    func brokenConfigGivesExactMessage(_ text: String, _ message: String) {
        #expect(parseError(text, file: "bad.conf", format: .keepalived) == message)
    }

    @Test func includeCycleIsAnErrorNotAHang() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("a.conf", "include b.conf\n")
        try scratch.write("b.conf", "virtual_server 192.0.2.1 80 {\n}\ninclude a.conf\n")
        let main = scratch.path + "/a.conf"
        #expect(throws: ConfigError(file: scratch.path + "/b.conf", line: 3, column: 9,
                                    "include cycle: \(scratch.path)/a.conf is already being read")) {
            try KeepalivedParser.parse(path: main)
        }
    }

    @Test func includesNestAtMostEightDeep() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        for level in 0..<9 { try scratch.write("l\(level).conf", "include l\(level + 1).conf\n") }
        try scratch.write("l9.conf", "virtual_server 192.0.2.1 80 {\n}\n")
        #expect(throws: ConfigError(file: scratch.path + "/l7.conf", line: 1, column: 1,
                                    "includes nested more than 8 files deep")) {
            try KeepalivedParser.parse(path: scratch.path + "/l0.conf")
        }
        // Seven levels of includes (eight files) are fine.
        try scratch.write("l7.conf", "virtual_server 192.0.2.1 80 {\n}\n")
        #expect(try KeepalivedParser.parse(path: scratch.path + "/l0.conf").services.count == 1)
    }

    /// keepalived globs includes with GLOB_BRACE and splits words at white space only:
    /// `s{1,2}.conf` is one pattern naming s1.conf and s2.conf.
    @Test func includeBracesExpand() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("many/s1.conf", "virtual_server 192.0.2.1 80 {\n}\n")
        try scratch.write("many/s2.conf", "virtual_server 192.0.2.2 80 {\n}\n")
        try scratch.write("many/s3.conf", "virtual_server 192.0.2.3 80 {\n}\n")
        let main = try scratch.write("keepalived.conf", "include many/s{1,2}.conf\n")
        let services = try KeepalivedParser.parse(path: main).services
        #expect(services.map(\.key.description) == ["tcp 192.0.2.1:80", "tcp 192.0.2.2:80"])
    }

    @Test func errorsInIncludedFilesNameThatFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("conf.d/bad.conf", "virtual_server 192.0.2.1 80 {\n    lb_algo\n}\n")
        let main = try scratch.write("keepalived.conf", "global_defs {\n}\ninclude conf.d/*.conf\n")
        #expect(throws: ConfigError(file: scratch.path + "/conf.d/bad.conf", line: 2, column: 5,
                                    "lb_algo needs a value")) {
            try KeepalivedParser.parse(path: main)
        }
    }
}

/// One option of ipvsadm 1.31 or of DPVS's ipvsadm (tools/ipvsadm/ipvsadm.c), by its
/// long name; `spelling` is how the line wrote it, for messages.
struct IpvsadmOption: Hashable, Sendable {
    enum Arity: Sendable { case none, required, optional }
    enum Role: Hashable, Sendable { case command(IpvsadmCommandKind), option }

    var long: String
    var short: Character?
    var arity: Arity
    var role: Role

    init(_ long: String, _ short: Character? = nil, _ arity: Arity = .none, _ role: Role = .option) {
        self.long = long
        self.short = short
        self.arity = arity
        self.role = role
    }

    /// `-w` when the option has a short form, else `--tun-port`.
    var name: String { short.map { "-\($0)" } ?? "--\(long)" }

    static let table: [IpvsadmOption] = commands + serviceOptions + serverOptions + otherOptions

    static let commands: [IpvsadmOption] = [
        IpvsadmOption("add-service", "A", .none, .command(.addService)),
        IpvsadmOption("edit-service", "E", .none, .command(.editService)),
        IpvsadmOption("delete-service", "D", .none, .command(.deleteService)),
        IpvsadmOption("clear", "C", .none, .command(.clear)),
        IpvsadmOption("add-server", "a", .none, .command(.addServer)),
        IpvsadmOption("edit-server", "e", .none, .command(.editServer)),
        IpvsadmOption("delete-server", "d", .none, .command(.deleteServer)),
        IpvsadmOption("add-laddr", "P", .none, .command(.addLocalAddress)),
        IpvsadmOption("del-laddr", "Q", .none, .command(.deleteLocalAddress)),
        IpvsadmOption("set", nil, .none, .command(.setTimeouts)),
        IpvsadmOption("start-daemon", nil, .required, .command(.startDaemon)),
        IpvsadmOption("stop-daemon", nil, .required, .command(.stopDaemon)),
        IpvsadmOption("zero", "Z", .none, .command(.zero)),
        IpvsadmOption("add-blklst", "U", .none, .command(.accessList)),
        IpvsadmOption("del-blklst", "V", .none, .command(.accessList)),
        IpvsadmOption("get-blklst", "B", .none, .command(.query)),
        IpvsadmOption("add-whtlst", "O", .none, .command(.accessList)),
        IpvsadmOption("del-whtlst", "Y", .none, .command(.accessList)),
        IpvsadmOption("get-whtlst", "W", .none, .command(.query)),
        IpvsadmOption("list", "L", .none, .command(.query)),
        IpvsadmOption("list", "l", .none, .command(.query)),
        IpvsadmOption("save", "S", .none, .command(.query)),
        IpvsadmOption("restore", "R", .none, .command(.query)),
        IpvsadmOption("get-laddr", "G", .none, .command(.query)),
        IpvsadmOption("help", "h", .none, .command(.query)),
        IpvsadmOption("version", "v", .none, .command(.query)),
    ]

    static let serviceOptions: [IpvsadmOption] = [
        IpvsadmOption("tcp-service", "t", .required), IpvsadmOption("udp-service", "u", .required),
        IpvsadmOption("sctp-service", nil, .required), IpvsadmOption("fwmark-service", "f", .required),
        IpvsadmOption("icmp-service", "q", .required), IpvsadmOption("icmpv6-service", "1", .required),
        IpvsadmOption("match", "H", .required), IpvsadmOption("ipv6", "6"),
        IpvsadmOption("scheduler", "s", .required), IpvsadmOption("persistent", "p", .optional),
        IpvsadmOption("netmask", "M", .required), IpvsadmOption("sched-flags", "b", .required),
        IpvsadmOption("ops", "o"), IpvsadmOption("pe", nil, .required),
        IpvsadmOption("synproxy", "j", .required),
        IpvsadmOption("laddr", "z", .required), IpvsadmOption("ifname", "F", .required),
    ]

    static let serverOptions: [IpvsadmOption] = [
        IpvsadmOption("real-server", "r", .required), IpvsadmOption("gatewaying", "g"),
        IpvsadmOption("ipip", "i"), IpvsadmOption("masquerading", "m"), IpvsadmOption("fullnat", "b"),
        IpvsadmOption("snat", "J"), IpvsadmOption("weight", "w", .required),
        IpvsadmOption("u-threshold", "x", .required), IpvsadmOption("l-threshold", "y", .required),
        IpvsadmOption("tun-type", nil, .required), IpvsadmOption("tun-port", nil, .required),
        IpvsadmOption("tun-nocsum"), IpvsadmOption("tun-csum"), IpvsadmOption("tun-remcsum"),
    ]

    /// Listing, daemon and DPVS options that configure nothing lvscope models.
    static let otherOptions: [IpvsadmOption] = [
        IpvsadmOption("numeric", "n"), IpvsadmOption("connection", "c"), IpvsadmOption("exact", "X"),
        IpvsadmOption("stats"), IpvsadmOption("rate"), IpvsadmOption("thresholds"),
        IpvsadmOption("persistent-conn"), IpvsadmOption("tun-info"), IpvsadmOption("sort"),
        IpvsadmOption("nosort"), IpvsadmOption("timeout"), IpvsadmOption("daemon"),
        IpvsadmOption("mcast-interface", nil, .required), IpvsadmOption("syncid", nil, .required),
        IpvsadmOption("mcast-group", nil, .required), IpvsadmOption("mcast-port", nil, .required),
        IpvsadmOption("mcast-ttl", nil, .required), IpvsadmOption("sync-maxlen", nil, .required),
        IpvsadmOption("blklst", "k", .required), IpvsadmOption("whtlst", "2", .required),
        IpvsadmOption("hash-target", nil, .required), IpvsadmOption("cpu", nil, .required),
        IpvsadmOption("expire-quiescent"), IpvsadmOption("dest-check", nil, .required),
        IpvsadmOption("conn-timeout", nil, .required), IpvsadmOption("proxy-protocol", nil, .required),
        IpvsadmOption("quic"), IpvsadmOption("sockpair", nil, .required),
    ]

    /// Looks up `-x` or `--long`. `-b` means `--fullnat` on real-server lines (DPVS) and
    /// `--sched-flags` elsewhere (upstream).
    static func find(_ spelling: Substring, serverCommand: Bool) -> IpvsadmOption? {
        if spelling.hasPrefix("--") {
            let long = spelling.dropFirst(2)
            return table.first { $0.long == long }
        }
        guard spelling.count == 2, spelling.first == "-", let letter = spelling.last else { return nil }
        if letter == "b" { return table.first { $0.long == (serverCommand ? "fullnat" : "sched-flags") } }
        return table.first { $0.short == letter }
    }
}

import Testing
import LVSWire

/// Every prefix of real frames through every view: building a view either succeeds, and
/// then every accessor stays inside the bytes (debug builds trap on an out-of-bounds
/// read of an `UnsafeRawBufferPointer`), or throws a `WireError`.
@Suite struct TruncationSweepTests {
    enum Link { case ethernet, null, sll, sll2 }

    static let frames: [(name: String, link: Link, bytes: [UInt8], layers: [Layer])] = [
        ("natSYN", .ethernet, Frames.natSYN, [.ethernet, .ipv4, .tcp]),
        ("fullNATToaACK", .ethernet, Frames.fullNATToaACK, [.ethernet, .ipv4, .tcp]),
        ("sackACK", .ethernet, Frames.sackACK, [.ethernet, .ipv4, .tcp]),
        ("tunnelSYN", .ethernet, Frames.tunnelSYN, [.ethernet, .ipv4, .ipv4, .tcp]),
        ("echoRequest", .ethernet, Frames.echoRequest, [.ethernet, .ipv4, .icmp]),
        ("arpRequest", .ethernet, Frames.arpRequest, [.ethernet, .arp]),
        ("qinqSYN", .ethernet, VLANTagTests.qinqSYN, [.ethernet, .vlan, .vlan, .ipv4, .tcp]),
        ("ipv6RoutingEcho", .ethernet, Frames.ipv6RoutingEcho, [.ethernet, .ipv6, .icmpv6]),
        ("ipv6AH", .ethernet, Frames.ipv6AH, [.ethernet, .ipv6]),
        ("ipv6ParameterProblem", .ethernet, Frames.ipv6ParameterProblem, [.ethernet, .ipv6, .icmpv6, .ipv6]),
        ("routerAdvertisement", .ethernet, Frames.routerAdvertisement, [.ethernet, .ipv6, .icmpv6]),
        ("greIPv4", .ethernet, Frames.greIPv4, [.ethernet, .ipv4, .gre, .ipv4]),
        ("grePPTP", .ethernet, Frames.grePPTP, [.ethernet, .ipv4, .gre]),
        ("nullIPv4", .null, Frames.nullIPv4, [.null, .ipv4, .udp]),
        ("nullIPv6", .null, Frames.nullIPv6, [.null, .ipv6, .udp]),
        ("sllSYN", .sll, LinuxSLLTests.synToHost, [.sll, .ipv4, .tcp]),
        ("sll2ARP", .sll2, LinuxSLL2Tests.arpBroadcast, [.sll2, .arp]),
    ]

    @Test(arguments: frames.indices)
    func decodesEveryPrefix(_ index: Int) {
        let frame = Self.frames[index]
        var walker = Walker()
        frame.bytes.withUnsafeBytes { walker.walk($0, link: frame.link) }
        #expect(walker.layers == frame.layers, "\(frame.name)")
        #expect(walker.error == nil, "\(frame.name): \(String(describing: walker.error))")
        for length in 0..<frame.bytes.count {
            var prefixWalker = Walker()
            Array(frame.bytes.prefix(length)).withUnsafeBytes { prefixWalker.walk($0, link: frame.link) }
            // A cut frame decodes a prefix of the full frame's layers, and the only
            // complaint it can raise is truncation.
            #expect(frame.layers.starts(with: prefixWalker.layers), "\(frame.name) cut at \(length)")
            if let error = prefixWalker.error {
                #expect(error.isTruncation, "\(frame.name) cut at \(length): \(error)")
            }
        }
    }

    @Test(arguments: frames.indices)
    func buildsEveryViewOnEveryPrefix(_ index: Int) {
        let frame = Self.frames[index]
        for length in 0...frame.bytes.count {
            Array(frame.bytes.prefix(length)).withUnsafeBytes { raw in
                // Each view over the start of the prefix and over the start of every
                // later offset, so that each header kind meets bytes it was not made for.
                for offset in 0...raw.count {
                    let bytes = raw.suffix(from: offset)
                    _ = Touch.everyView(bytes)
                }
            }
        }
    }
}

/// Decodes a frame layer by layer, recording the layers and the first error.
struct Walker {
    var layers: [Layer] = []
    var error: WireError?
    var sink = 0

    mutating func walk(_ raw: UnsafeRawBufferPointer, link: TruncationSweepTests.Link) {
        do {
            switch link {
            case .ethernet:
                let ethernet = try EthernetView(checking: raw)
                layers.append(.ethernet)
                sink &+= Touch.ethernet(ethernet)
                try afterEthernet(ethernet.etherType, ethernet.payload)
            case .null:
                let null = try NullLoopbackView(checking: raw, byteOrder: .detect)
                layers.append(.null)
                try network(null.isIPv6 ? .ipv6 : .ipv4, null.payload)
            case .sll:
                let sll = try LinuxSLLView(checking: raw)
                layers.append(.sll)
                sink &+= Touch.sll(sll)
                try network(sll.protocolType, sll.payload)
            case .sll2:
                let sll2 = try LinuxSLL2View(checking: raw)
                layers.append(.sll2)
                sink &+= Touch.sll2(sll2)
                try network(sll2.protocolType, sll2.payload)
            }
        } catch let caught as WireError {
            error = caught
        } catch {
            Issue.record("not a WireError: \(error)")
        }
    }

    mutating func afterEthernet(_ type: EtherType, _ payload: UnsafeRawBufferPointer) throws {
        var type = type
        var payload = payload
        while type.isVLANTag {
            let tag = try VLANTagView(checking: payload)
            layers.append(.vlan)
            sink &+= Touch.vlan(tag)
            type = tag.etherType
            payload = tag.payload
        }
        try network(type, payload)
    }

    mutating func network(_ type: EtherType, _ payload: UnsafeRawBufferPointer) throws {
        switch type {
        case .ipv4:
            let ip = try IPv4View(checking: payload)
            layers.append(.ipv4)
            sink &+= Touch.ipv4(ip)
            try transport(ip.protocol, ip.payload)
        case .ipv6:
            let ip = try IPv6View(checking: payload)
            layers.append(.ipv6)
            sink &+= Touch.ipv6(ip)
            let chain = try ip.extensionChain()
            sink &+= Touch.checksum(ChecksumStatus(verifyingTransportOf: ip, chain: chain))
            sink &+= Touch.chain(chain, ip)
            // A fragment is not decoded further: its upper layer needs reassembly.
            if chain.end == .upperLayer, chain.fragment == nil {
                try transport(chain.upperLayerProtocol, chain.upperLayerBytes(of: ip))
            }
        case .arp:
            let arp = try ARPView(checking: payload)
            layers.append(.arp)
            sink &+= Touch.arp(arp)
        default:
            break
        }
    }

    mutating func transport(_ proto: IPProtocol, _ payload: UnsafeRawBufferPointer) throws {
        switch proto {
        case .tcp:
            let tcp = try TCPView(checking: payload)
            layers.append(.tcp)
            sink &+= Touch.tcp(tcp)
        case .udp:
            let udp = try UDPView(checking: payload)
            layers.append(.udp)
            sink &+= Touch.udp(udp)
        case .icmp:
            let icmp = try ICMPv4View(checking: payload)
            layers.append(.icmp)
            sink &+= Touch.icmpv4(icmp)
            if icmp.isError { try network(.ipv4, icmp.quotedPacket) }
        case .icmpv6:
            let icmp = try ICMPv6View(checking: payload)
            layers.append(.icmpv6)
            sink &+= Touch.icmpv6(icmp)
            if icmp.isError { try network(.ipv6, icmp.quotedPacket) }
        case .gre:
            let gre = try GREView(checking: payload)
            layers.append(.gre)
            sink &+= Touch.gre(gre)
            try network(gre.protocolType, gre.payload)
        case .ipv4:
            try network(.ipv4, payload)
        case .ipv6:
            try network(.ipv6, payload)
        default:
            break
        }
    }
}

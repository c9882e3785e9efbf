import ArgumentParser
import LVSReplay
import LVSWire

/// Overrides of the topology a replay infers from the captures.
struct TopologyOptions: ParsableArguments {
    @Option(help: "The director's client-side MAC.", transform: parseMAC)
    var directorMAC: MACAddress?

    @Option(name: .customLong("director-rs-mac"), help: "The director's real-server-side MAC.", transform: parseMAC)
    var directorRealServerMAC: MACAddress?

    @Option(help: "The next hop toward clients (router, or an on-link client).", transform: parseMAC)
    var routerMAC: MACAddress?

    @Option(help: ArgumentHelp("A real server's MAC (repeat for several).", valueName: "RIP=MAC"),
            transform: parseRealServer)
    var realServer: [RealServerMAC] = []

    @Option(help: ArgumentHelp("The director's own address on the real-server side (repeatable).", valueName: "IP"),
            transform: parseAddress)
    var dip: [IPAddress] = []

    @Option(help: "MTU of both sides.")
    var mtu: Int?

    func validate() throws {
        if let mtu, !(68...65535).contains(mtu) {
            throw ValidationError("--mtu \(mtu) is not an MTU: give 68 to 65535")
        }
        var seen: Set<IPAddress> = []
        for server in realServer where !seen.insert(server.address).inserted {
            throw ValidationError("--real-server given twice for \(server.address)")
        }
    }

    var overrides: TopologyOverrides {
        TopologyOverrides(directorMAC: directorMAC, realServerSideMAC: directorRealServerMAC, routerMAC: routerMAC,
                          realServers: Dictionary(realServer.map { ($0.address, $0.mac) }) { first, _ in first },
                          realServerSideAddresses: dip, mtu: mtu)
    }
}

struct RealServerMAC {
    var address: IPAddress
    var mac: MACAddress
}

/// A host's MAC: not all zeros, and not a group address (broadcast, multicast), which no
/// interface sends from.
func parseMAC(_ text: String) throws -> MACAddress {
    guard let mac = MACAddress(text) else { throw ValidationError("not a MAC address: \"\(text)\"") }
    if mac.rawValue == 0 { throw ValidationError("\"\(text)\" is the all-zero MAC, which names no interface") }
    if mac.isMulticast { throw ValidationError("\"\(text)\" is a broadcast or multicast MAC, not a host's") }
    return mac
}

/// A host's address: not unspecified, broadcast or multicast.
func parseAddress(_ text: String) throws -> IPAddress {
    guard let address = IPAddress(text) else { throw ValidationError("not an IP address: \"\(text)\"") }
    let isHost = switch address {
    case let .v4(v4): !v4.isUnspecified && !v4.isBroadcast && !v4.isMulticast
    case let .v6(v6): !v6.isUnspecified && !v6.isMulticast
    }
    guard isHost else { throw ValidationError("\"\(text)\" is not a host's address") }
    return address
}

func parseRealServer(_ text: String) throws -> RealServerMAC {
    guard let equals = text.firstIndex(of: "="), let address = IPAddress(text[..<equals]),
          MACAddress(text[text.index(after: equals)...]) != nil else {
        throw ValidationError("expected RIP=MAC, got \"\(text)\"")
    }
    return RealServerMAC(address: address, mac: try parseMAC(String(text[text.index(after: equals)...])))
}

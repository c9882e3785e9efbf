import LVSCapture
import LVSConfig
import LVSWire

extension VerdictBuilder {
    /// Evidence lines: the winning mode and how it shows, any other modes seen, what the
    /// undecided connections show, where the VIP came from, and the configuration.
    func evidence(_ tally: ModeTally) -> [ServiceVerdict.Evidence] {
        var lines: [ServiceVerdict.Evidence] = []
        if let winner = tally.winner {
            lines.append(line(winner, decided: tally.decided, leading: true))
            for other in tally.others { lines.append(line(other, decided: tally.decided, leading: false)) }
            if tally.decided < ConfidenceScale.fewConnections {
                lines.append(.init("only \(tally.decided) connection\(tally.decided == 1 ? "" : "s") decided the mode"))
            }
        } else {
            lines.append(unknownLine())
        }
        lines.append(contentsOf: undecidedLines(decided: tally.decided))
        if let note = vipNote() { lines.append(note) }
        if let note = configurationNote(tally.winner?.mode) { lines.append(note) }
        return lines
    }

    static func name(_ mode: InferredMode) -> String {
        switch mode {
        case .nat: "NAT"
        case .dr: "DR"
        case .tun: "TUN"
        case .fullnat: "FULL-NAT"
        case .unknown: "unknown"
        }
    }

    func line(_ entry: ModeTally.Entry, decided: Int, leading: Bool) -> ServiceVerdict.Evidence {
        var points: Set<CapturePointName> = []
        var cited: [Int] = []
        var last: [CapturePointName] = []
        for index in entry.members where sightings[index].basis == entry.best {
            // Consecutive sightings mostly share one list: add it once.
            if sightings[index].subPoints != last {
                last = sightings[index].subPoints
                points.formUnion(last)
            }
            if cited.count < 2 { cited.append(index) }
        }
        let sample = sightings[entry.sample]
        let count = "\(entry.members.count) of \(decided) connection\(decided == 1 ? "" : "s")"
        let place = points.sorted().map(\.description).joined(separator: ", ")
        let phrase = how(entry.best, sample, points: place)
        let text = (leading ? "" : "but ") + "\(count) \(phrase): \(Self.name(entry.mode))"
        return .init(text, packets: Set(cited.flatMap { sightings[$0].packets(context) }).sorted())
    }

    /// How a basis showed the mode, with the sample connection's addresses.
    func how(_ basis: ModeBasis, _ s: Sighting, points: String) -> String {
        let vip = service.vip.withPort(service.port)
        let client = s.origin.address
        let server = s.server.flatMap { server in server.address.map { $0.withPort(server.port) } }
            ?? s.server?.mac.map { "MAC \($0)" } ?? "a real server"
        let rewrite = switch s.mode {
        case .nat: "\(client) → \(vip) left the director as \(client) → \(server) (destination rewritten, client kept)"
        case .fullnat: "\(client) → \(vip) left the director as "
            + "\(s.localAddress.map(\.description) ?? "a local address") → \(server) (source and destination rewritten"
            + (s.detail.map { "; \($0)" } ?? "") + ")"
        case .tun: "\(client) → \(vip) left the director encapsulated toward \(server)"
            + (s.detail.map { " (\($0))" } ?? "")
        default: "\(client) → \(vip) left the director unchanged but for the destination MAC, to \(server)"
        }
        let at = s.server?.mac.map { " at its MAC \($0)" } ?? ""
        switch basis {
        case .stitchedAcrossPoints: return "stitched across \(points): \(rewrite)"
        case .forwardedAtOnePoint: return "seen at \(points) arriving and leaving again: \(rewrite)"
        case .serverWire:
            return "reached real server \(points)\(at) for \(vip)" + (s.detail.map { " (\($0))" } ?? "")
        case .pairedAtOnePoint:
            return "seen at \(points), the same client port to the VIP and then, from another MAC, to a real server "
                + "(paired by address, port and time, no content to match): \(rewrite)"
        case .bypassUpstream:
            return "sent by \(points) to the VIP's MAC \(s.vipMAC.map(\.description) ?? "?") got their replies from "
                + "\(s.server?.mac.map(\.description) ?? "another MAC"): replies bypass the director"
        case .localSourceAtServer:
            return "reached real server \(points) from \(client) (\(s.detail ?? "a local address")), without TOA"
        case .requestsAtServer:
            if s.mode == .dr { return "reached real server \(points)\(at)" + (s.detail.map { " (\($0))" } ?? "") }
            return "reached real server \(points) from \(client) at \(server), answered through the MAC that "
                + "delivered them"
        case .directorClientSide:
            return "on the director's client side (\(points)): " + (s.detail ?? "")
        }
    }
}

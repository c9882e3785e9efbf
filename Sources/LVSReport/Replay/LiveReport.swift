import LVSForwarding
import LVSReplay

/// The summary `lvscope replay --live` prints when it stops: what it read, fed, sent out
/// of each side, dropped (by reason), and the ARP requests it answered.
public struct LiveReport {
    public let result: LiveResult
    public let generator: String

    public init(result: LiveResult, generator: String) {
        self.result = result
        self.generator = generator
    }

    public func rendered(_ format: ReplayFormat) -> String {
        switch format {
        case .text: text()
        case .json: json().rendered(indent: 2) + "\n"
        case .html: HTMLPage.document(title: "lvscope replay --live", state: "ok",
                                      banner: [.element("h1", text: "Live forwarding summary")],
                                      content: [.element("pre", text: text())], generator: generator)
        }
    }

    public func json() -> JSONValue {
        let counts = result.counts
        return .object([
            ("schema", .string("lvscope.live.v1")), ("generator", .string(generator)),
            ("kernel", .string(result.profile.description)), ("started", .bool(result.topology != nil)),
            ("read", .int(counts.read)), ("input", .int(counts.input)), ("emitted", .int(counts.emitted)),
            ("sentToClients", .int(result.sentToClients)), ("sentToRealServers", .int(result.sentToRealServers)),
            ("dropped", .int(counts.dropped)),
            ("droppedBy", .object(counts.droppedBy.map { ($0.reason, .int($0.count)) })),
            ("arpAnswered", .int(result.arpAnswered)),
        ])
    }

    public func text() -> String {
        let counts = result.counts
        let reasons = counts.droppedBy.map { "\($0.reason) \($0.count)" }.joined(separator: ", ")
        var lines = [
            "live       \(result.profile): \(counts.read) frames read, \(counts.input) fed to the director"
                + (result.topology == nil ? " (no client frame arrived: the director never started)" : ""),
            "sent       \(result.sentToClients) to clients, \(result.sentToRealServers) to real servers",
            "dropped    \(counts.dropped)" + (reasons.isEmpty ? "" : " (\(reasons))"),
            "arp        \(result.arpAnswered) requests answered",
        ]
        if let topology = result.topology {
            lines.append("router     \(topology.clientRouter)")
            for (address, mac) in topology.neighbours.sorted(by: { $0.key < $1.key }) {
                lines.append("real       \(address) at \(mac)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

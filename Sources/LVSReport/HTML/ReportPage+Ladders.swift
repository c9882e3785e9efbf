import LVSFlows
import LVSInference
import LVSWire

extension ReportPage {
    /// One packet of a ladder: its name, direction, and the frame that shows it at each
    /// hop (nil where the hop did not see it).
    struct LadderRow {
        var name: String
        var forward: Bool
        var frames: [Int?]
    }

    /// Up to three connections of `service`, each taking a path (sequence of points) not
    /// shown yet, earliest first.
    func representatives(of service: VirtualServiceID) -> [ConnectionPath] {
        var chosen: [ConnectionPath] = []
        var shapes: [[String]] = []
        for connection in report.correlation.connections where chosen.count < 3 {
            guard let first = connection.legs.first, first.protocolNumber == service.protocolNumber,
                  first.respAddress == service.vip, first.respPort == service.port else { continue }
            let path = ConnectionPath(connection, records: records, offsets: offsets, role: report.inference.role)
            let shape = path.hops.map(\.point.description) + ["|"] + path.replyPoints
            guard !shapes.contains(shape), path.hops.count > 1 else { continue }
            shapes.append(shape)
            chosen.append(path)
        }
        return chosen
    }

    /// The packets a ladder draws: the handshake and the first data for TCP, the first
    /// request and its reply otherwise.
    static func rows(_ path: ConnectionPath) -> [LadderRow] {
        let hops = path.hops
        func frames(_ pick: (FlowRecord) -> Int?) -> [Int?] { hops.map { pick($0.record) } }
        guard path.connection.legs.first?.protocolNumber == .tcp else {
            return [LadderRow(name: "request", forward: true,
                              frames: frames { $0.orig.packets > 0 ? $0.firstFrame : nil }),
                    LadderRow(name: "reply", forward: false, frames: frames { $0.resp.packets > 0 ? 0 : nil })]
        }
        return [LadderRow(name: "SYN", forward: true, frames: frames(\.synFrame)),
                LadderRow(name: "SYN-ACK", forward: false, frames: frames(\.synAckFrame)),
                LadderRow(name: "first data", forward: true, frames: frames(\.firstDataFrame))]
    }

    func ladders() -> [HTMLNode] {
        var children: [HTMLNode] = []
        for verdict in report.inference.services {
            let paths = representatives(of: verdict.service)
            children.append(.element("h3", text: "\(verdict.service) — \(AnalysisReport.modeName(verdict.mode))"))
            guard !paths.isEmpty else {
                children.append(Self.paragraph("No connection of this service was seen at two capture points.",
                                               muted: true))
                continue
            }
            for path in paths { children += ladder(path, mode: verdict.mode) }
        }
        if children.isEmpty { children = [Self.paragraph("No virtual service found.", muted: true)] }
        return Self.section("ladders", "Connections across capture points", children)
    }
}

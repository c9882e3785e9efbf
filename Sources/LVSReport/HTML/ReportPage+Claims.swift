import LVSFlows
import LVSInference
import LVSWire

extension ReportPage {
    /// The VIPs of the services, each once, sorted.
    var vips: [IPAddress] { Array(Set(report.inference.services.map(\.service.vip))).sorted() }

    /// Per VIP: who claimed it by ARP or neighbour discovery, when and from which MAC. A
    /// row per MAC on a time axis spanning all captures; MACs that are not the director's
    /// are red; flip-flops (A → B → A) are listed under the picture.
    func claims() -> [HTMLNode] {
        var children: [HTMLNode] = []
        for vip in vips {
            children.append(.element("h3", text: vip.description))
            let claims = report.flows.claims.claims(for: vip)
            guard !claims.isEmpty else {
                children.append(Self.paragraph("No ARP or neighbour discovery message claimed this address in the "
                    + "captures.", muted: true))
                continue
            }
            children.append(timeline(vip, claims))
            for flip in report.flows.claims.flipFlops where flip.address == vip {
                children.append(.element("p", [("class", "changed")], text: "Flip-flop at \(flip.point): "
                    + flip.macs.map(\.description).joined(separator: " → ") + ", \(flip.changes) changes, "
                    + "\(flip.returns) back to an earlier MAC, from \(Self.clock(flip.firstChangeTime)) to "
                    + "\(Self.clock(flip.lastChangeTime))"))
            }
            children.append(claimTable(claims))
        }
        if children.isEmpty { children = [Self.paragraph("No virtual service found.", muted: true)] }
        return Self.section("claims", "ARP and neighbour discovery for each VIP", children)
    }

    /// The span of all captures (first to last packet anywhere).
    var captureSpan: (Timestamp, Timestamp) {
        let starts = report.flows.points.compactMap(\.start)
        let ends = report.flows.points.compactMap(\.end)
        let first = starts.min() ?? Timestamp(rawValue: 0)
        return (first, max(ends.max() ?? first, first))
    }

    func directorMACs(_ vip: IPAddress) -> Set<MACAddress> {
        Set(report.inference.services.filter { $0.service.vip == vip }.flatMap(\.directorMACs))
    }

    func timeline(_ vip: IPAddress, _ claims: [AddressClaim]) -> HTMLNode {
        let macs = Array(Set(claims.map(\.mac))).sorted()
        let director = directorMACs(vip)
        let (start, end) = captureSpan
        let span = Double(max(end.rawValue - start.rawValue, 1))
        let (left, width) = (260.0, 700.0)
        // Held on the axis: a claim can fall outside the span of the points' first and last
        // packets when a capture's records are out of time order.
        func x(_ t: Timestamp) -> Double {
            left + min(max(Double(t.rawValue - start.rawValue) / span, 0), 1) * width
        }
        var nodes: [HTMLNode] = [
            SVG.line(left, 24, left + width, 24, className: "lifeline"),
            SVG.text(left, 16, Self.clock(start)), SVG.text(left + width, 16, Self.clock(end), anchor: "end"),
        ]
        for (row, mac) in macs.enumerated() {
            let y = 40 + Double(row) * 24
            let own = director.contains(mac)
            let owner = own ? " (director)" : director.isEmpty ? "" : " (other)"
            nodes.append(SVG.text(8, y + 10, mac.description + owner))
            for claim in claims where claim.mac == mac {
                let x1 = x(claim.firstTime)
                let w = max(x(claim.lastTime) - x1, 3)
                nodes.append(SVG.rect(x1, y, w, 14, className: own || director.isEmpty ? "bar" : "bar other"))
            }
        }
        let height = 40 + Double(macs.count) * 24 + 6
        return .element("figure", [], [
            SVG.picture(width: left + width + 20, height: height, label: "Claims of \(vip) over time", nodes),
            .element("figcaption", text: "Each bar spans a MAC's claims of \(vip) at one capture point, first to "
                + "last message, on the capture time axis."),
        ])
    }

    func claimTable(_ claims: [AddressClaim]) -> HTMLNode {
        let header = HTMLNode.element("tr", [], ["Capture point", "MAC", "How", "Messages", "First", "Last"]
            .map { .element("th", text: $0) })
        let rows = claims.map { claim in
            HTMLNode.element("tr", [], [
                .element("td", [("class", "mono")], text: claim.point.description),
                .element("td", [("class", "mono")], text: claim.mac.description),
                .element("td", text: claim.kind.rawValue),
                .element("td", [("class", "num")], text: String(claim.count)),
                .element("td", [], [reference(PacketReference(capture: claim.point.point, frame: claim.firstFrame,
                                                              time: claim.firstTime))]),
                .element("td", [], [reference(PacketReference(capture: claim.point.point, frame: claim.lastFrame,
                                                              time: claim.lastTime))]),
            ])
        }
        return .element("table", [], [.element("thead", [], [header]), .element("tbody", [], rows)])
    }

    /// The frames the claim tables cite.
    func claimFrames() -> [(capture: String, frame: Int)] {
        vips.flatMap { vip in
            report.flows.claims.claims(for: vip).flatMap {
                [($0.point.point, $0.firstFrame), ($0.point.point, $0.lastFrame)]
            }
        }
    }
}

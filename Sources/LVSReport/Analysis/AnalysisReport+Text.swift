import LVSFlows
import LVSInference
import LVSRules
import LVSWire

extension AnalysisReport {
    /// The text report, at most 100 columns: a verdict line, the services with their real
    /// servers and evidence, the findings with their remediation, and the captures with
    /// their roles and clock offsets. `color` adds ANSI colours (for a terminal).
    public func text(color: Bool = false) -> String {
        let paint = TerminalColor(enabled: color)
        var lines = header(paint)
        lines += ["", paint.bold("Services")] + servicesText()
        lines += ["", paint.bold("Findings")] + findingsText(paint)
        lines += ["", paint.bold("Captures")] + capturesText()
        return lines.joined(separator: "\n") + "\n"
    }

    static func modeName(_ mode: InferredMode) -> String {
        mode == .fullnat ? "FULL-NAT" : mode == .unknown ? "unknown" : mode.rawValue.uppercased()
    }

    func header(_ paint: TerminalColor) -> [String] {
        let s = summary
        var lines = ["lvscope analysis: \(flows.points.count) capture\(flows.points.count == 1 ? "" : "s"), "
            + "\(s.packets) packets, \(s.flows) flows (\(generator))"]
        let services = inference.services.map { "\($0.service) \(Self.modeName($0.mode)) (\($0.confidence))" }
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let counts = "\(count(s.errors, "error")), \(count(s.warnings, "warning")), \(count(s.notices, "notice"))"
        let verdict = services.isEmpty ? "no virtual service found" : services.joined(separator: ", ")
        let verdictLines = TextWrap.lines("verdict: \(verdict); \(counts)", first: "", rest: "         ")
        lines += verdictLines.map { paint.verdict($0, s) }
        if let worst = findings.first, worst.severity > .notice {
            let fix = worst.remediation.isEmpty ? worst.message : worst.remediation
            lines += TextWrap.lines("first to fix: \(worst.subject) (\(worst.rule)): \(fix)", first: "",
                                    rest: "              ")
        }
        return lines
    }

    func servicesText() -> [String] {
        guard !inference.services.isEmpty else { return ["  none"] }
        var lines: [String] = []
        for verdict in inference.services {
            lines.append("  " + TextWrap.left(verdict.service.description, 30)
                + TextWrap.left(Self.modeName(verdict.mode), 9) + "confidence \(verdict.confidence)  \(verdict.connections) connections")
            for (i, server) in verdict.realServers.enumerated() {
                lines.append((i == 0 ? "    real servers    " : String(repeating: " ", count: 20))
                    + TextWrap.left(server.address.withPort(server.port), 26)
                    + TextWrap.left(server.mac?.description ?? "-", 19) + "\(server.connections) connections")
            }
            if !verdict.localAddresses.isEmpty {
                lines.append("    local addresses " + verdict.localAddresses.map(\.description).joined(separator: ", "))
            }
            for evidence in verdict.evidence {
                lines += TextWrap.lines(Self.evidenceText(evidence), first: "    - ", rest: "      ")
            }
        }
        return lines
    }

    func findingsText(_ paint: TerminalColor) -> [String] {
        guard !findings.isEmpty else { return ["  none"] }
        var lines: [String] = []
        for finding in findings {
            let service = finding.service.map { "  (\($0))" } ?? ""
            let head = TextWrap.left(finding.severity.rawValue, 8) + "\(finding.rule) [\(finding.category.rawValue)] "
            var headLines = TextWrap.lines(head + finding.subject + service, first: "  ", rest: "      ")
            let word = finding.severity.rawValue
            headLines[0] = "  " + paint.severity(word, finding.severity) + headLines[0].dropFirst(2 + word.count)
            lines += headLines
            lines += TextWrap.lines(finding.message, first: "    ", rest: "    ")
            if !finding.remediation.isEmpty {
                lines += TextWrap.lines(finding.remediation, first: "    fix: ", rest: "         ")
            }
            if !finding.evidence.isEmpty {
                lines += TextWrap.lines(finding.evidence.map { "\($0.capture)#\($0.frame)" }.joined(separator: ", "),
                                        first: "    frames: ", rest: "            ")
            }
        }
        return lines
    }

    func capturesText() -> [String] {
        var lines = ["  " + TextWrap.left("POINT", 18) + TextWrap.left("ROLE", 13) + TextWrap.left("LINK", 12)
            + TextWrap.right("PACKETS", 9) + TextWrap.right("BYTES", 12) + "  CLOCK OFFSET"]
        for (index, point) in pointsByName {
            let offset = clockOffset(index).map { Self.seconds($0) } ?? "unknown"
            lines.append("  " + TextWrap.left(point.input.point, 18)
                + TextWrap.left(inference.role(of: point.input.point).rawValue, 13)
                + TextWrap.left(Self.linkType(point), 12)
                + TextWrap.right(String(point.packets), 9) + TextWrap.right(String(point.bytes), 12) + "  " + offset)
            lines += TextWrap.lines(point.input.path, first: "    file: ", rest: "          ")
            if let role = inference.roles.first(where: { $0.point == point.input.point }) {
                lines += TextWrap.lines(role.reason, first: "    role: ", rest: "          ")
            }
            if let start = point.start, let end = point.end {
                lines.append("    from \(start) to \(end)")
            }
        }
        return lines
    }

    /// Seconds with a sign and microseconds.
    static func seconds(_ value: Double) -> String {
        let micros = Int64((value * 1_000_000).rounded())
        let sign = micros < 0 ? "-" : "+"
        let magnitude = micros.magnitude
        let fraction = String(magnitude % 1_000_000)
        return "\(sign)\(magnitude / 1_000_000).\(String(repeating: "0", count: 6 - fraction.count))\(fraction) s"
    }
}

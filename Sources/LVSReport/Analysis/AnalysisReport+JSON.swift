import LVSFlows
import LVSInference
import LVSRules
import LVSWire

extension AnalysisReport {
    /// The document, keys in the schema's order, every array sorted.
    public func json() -> JSONValue {
        .object([
            ("schema", .string(Self.schema)), ("generator", .string(generator)),
            ("captures", .array(pointsByName.map { captureJSON($0.index, $0.point) })),
            ("services", .array(inference.services.sorted { $0.service < $1.service }.map(Self.json))),
            ("findings", .array(findings.map(Self.json))),
            ("summary", .object([
                ("packets", .int(summary.packets)), ("flows", .int(summary.flows)),
                ("services", .int(summary.services)), ("errors", .int(summary.errors)),
                ("warnings", .int(summary.warnings)), ("notices", .int(summary.notices)),
            ])),
        ])
    }

    func captureJSON(_ index: Int, _ point: FlowCollection.Point) -> JSONValue {
        let epoch = Timestamp(rawValue: 0)
        return .object([
            ("file", .string(point.input.path)), ("point", .string(point.input.point)),
            ("role", .string(inference.role(of: point.input.point).rawValue)),
            ("linkType", .string(Self.linkType(point))), ("packets", .int(point.packets)), ("bytes", .int(point.bytes)),
            ("start", .string((point.start ?? epoch).description)), ("end", .string((point.end ?? epoch).description)),
            ("clockOffset", .double(clockOffset(index) ?? 0)),
        ])
    }

    static func json(_ verdict: ServiceVerdict) -> JSONValue {
        .object([
            ("vip", .string(verdict.service.vip.description)), ("port", .int(Int(verdict.service.port))),
            ("protocol", .string(verdict.service.protocolName)), ("mode", .string(verdict.mode.rawValue)),
            ("confidence", .double(verdict.confidence)),
            ("evidence", .array(verdict.evidence.map { .string(evidenceText($0)) })),
            ("realServers", .array(verdict.realServers.map { server in
                .object([("address", .string(server.address.description)), ("port", .int(Int(server.port))),
                         ("mac", .optional(server.mac?.description)), ("connections", .int(server.connections))])
            })),
            ("localAddresses", .array(verdict.localAddresses.map { .string($0.description) })),
            ("connections", .int(verdict.connections)),
        ])
    }

    /// An evidence line with the frames it cites: `text (frames client#9, rs1#4)`.
    static func evidenceText(_ evidence: ServiceVerdict.Evidence) -> String {
        guard !evidence.packets.isEmpty else { return evidence.text }
        return evidence.text + " (frames " + evidence.packets.map { "\($0.capture)#\($0.frame)" }
            .joined(separator: ", ") + ")"
    }

    static func json(_ finding: Finding) -> JSONValue {
        .object([
            ("rule", .string(finding.rule)), ("category", .string(finding.category.rawValue)),
            ("severity", .string(finding.severity.rawValue)),
            ("service", finding.service.map { service in
                .object([("vip", .string(service.vip.description)), ("port", .int(Int(service.port))),
                         ("protocol", .string(service.protocolName))])
            } ?? .null),
            ("subject", .string(finding.subject)), ("message", .string(finding.message)),
            ("remediation", .string(finding.remediation)),
            ("evidence", .array(finding.evidence.map { reference in
                .object([("capture", .string(reference.capture)), ("frame", .int(reference.frame)),
                         ("time", .string(reference.time.description))])
            })),
        ])
    }
}

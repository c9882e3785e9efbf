import LVSForwarding
import LVSReplay
import LVSWire

/// `lvscope replay` output: text for people, JSON `lvscope.replay.v1` (DESIGN.md §4,
/// `Reports/schema/replay.v1.schema.json`) for tools. Both list arrays in replay order
/// (expected frame, then observed capture order) and counters by sorted name.
public struct ReplayReport {
    public static let schema = "lvscope.replay.v1"

    public let result: ReplayResult
    public let generator: String

    public init(result: ReplayResult, generator: String) {
        self.result = result
        self.generator = generator
    }

    public func rendered(_ format: ReplayFormat) -> String {
        switch format {
        case .text: text()
        case .json: json().rendered(indent: 2) + "\n"
        case .html: html()
        }
    }

    public func json() -> JSONValue {
        let counts = result.counts
        let comparison = result.comparison ?? ReplayComparison()
        return .object([
            ("schema", .string(Self.schema)), ("generator", .string(generator)),
            ("kernel", .string(result.profile.description)),
            ("read", .int(counts.read)), ("input", .int(counts.input)), ("duplicates", .int(counts.duplicates)),
            ("emitted", .int(counts.emitted)), ("dropped", .int(counts.dropped)),
            ("droppedBy", .object(counts.droppedBy.map { ($0.reason, .int($0.count)) })),
            ("compared", .bool(result.comparison != nil)),
            ("matched", .int(comparison.matched)), ("mismatched", .int(comparison.mismatched)),
            ("missing", .int(comparison.missing)), ("unexpected", .int(comparison.unexpected)),
            ("unchecked", .int(comparison.unchecked)),
            ("scheduler", .array(comparison.schedulerDisagreements.map(Self.json))),
            ("nondeterministic", .object(comparison.nondeterministic.map { ($0.field, .int($0.count)) })),
            ("differences", .array(comparison.differences.map(Self.json))),
            ("missingPackets", .array(comparison.missingPackets.map(Self.json))),
            ("unexpectedPackets", .array(comparison.unexpectedPackets.map(Self.json))),
            ("topology", topologyJSON()),
        ])
    }

    static func json(_ difference: PacketDifference) -> JSONValue {
        .object([
            ("expected", json(difference.expected)), ("observed", json(difference.observed)),
            ("fields", .array(difference.fields.map { field in
                .object([("field", .string(field.field)), ("expected", .string(field.expected)),
                         ("observed", .string(field.observed)), ("kind", .string(field.kind.rawValue))])
            })),
        ])
    }

    static func json(_ expected: ExpectedReference) -> JSONValue {
        .object([
            ("frame", .int(expected.frame)), ("time", .string(expected.time.description)),
            ("side", .string(expected.side.rawValue)),
            ("input", .object([("capture", .string(expected.inputCapture)), ("frame", .int(expected.inputFrame))])),
            ("summary", .string(expected.summary)),
        ])
    }

    static func json(_ observed: ObservedReference) -> JSONValue {
        .object([
            ("capture", .string(observed.capture)), ("frame", .int(observed.frame)),
            ("time", .string(observed.time.description)), ("summary", .string(observed.summary)),
        ])
    }

    static func json(_ disagreement: SchedulerDisagreement) -> JSONValue {
        .object([
            ("connection", .string(disagreement.connection)), ("expected", .string(disagreement.expected)),
            ("observed", .string(disagreement.observed)),
            ("observedIsConfigured", .bool(disagreement.observedIsConfigured)),
            ("expectedFrame", .int(disagreement.expectedFrame)),
            ("observedAt", json(disagreement.observedAt)),
        ])
    }

    func topologyJSON() -> JSONValue {
        let topology = result.topology
        func side(_ interface: DirectorTopology.Interface) -> JSONValue {
            .object([("mac", .string(interface.mac.description)),
                     ("addresses", .array(interface.addresses.map { .string($0.description) })),
                     ("mtu", .int(interface.mtu))])
        }
        return .object([
            ("clientSide", side(topology.clientSide)), ("realServerSide", side(topology.realServerSide)),
            ("router", .string(topology.clientRouter.description)),
            ("realServers", .array(topology.neighbours.sorted { $0.key < $1.key }.map { address, mac in
                .object([("address", .string(address.description)), ("mac", .string(mac.description)),
                         ("side", .string(topology.side(toward: address).rawValue))])
            })),
        ])
    }
}

/// `--format` of `lvscope replay`.
public enum ReplayFormat: String, CaseIterable, Sendable {
    case text, json, html
}

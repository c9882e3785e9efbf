import LVSForwarding
import LVSWire

/// How a field difference is explained.
public enum DifferenceKind: String, Hashable, Sendable, CustomStringConvertible {
    /// The model computed the field differently from the real director: a rewrite error
    /// (of the model, of the configuration, or of the director).
    case rewrite
    /// The real director sent the connection to another real server than the model's
    /// scheduler chose (lvs-reference.md §6); not a rewrite error.
    case scheduler
    /// A value LVS chooses freely (lvs-reference.md §11): FULL-NAT local address, port and
    /// initial sequence number, a tunnel's outer IPv4 ID, GUE source port, and the two
    /// spellings of a zero ones' complement checksum.
    case nondeterministic

    public var description: String { rawValue }
}

/// One field that differs between an expected emission and its observed copy.
public struct FieldDifference: Hashable, Sendable {
    public var field: String
    public var expected: String
    public var observed: String
    public var kind: DifferenceKind

    public init(field: String, expected: String, observed: String, kind: DifferenceKind) {
        self.field = field
        self.expected = expected
        self.observed = observed
        self.kind = kind
    }
}

/// An emission of the model: its position in the replay output and what caused it.
public struct ExpectedReference: Hashable, Sendable {
    /// 1-based frame number in the emitted capture.
    public var frame: Int
    public var time: Timestamp
    public var side: Side
    /// The input frame that produced it (capture point and frame number).
    public var inputCapture: String
    public var inputFrame: Int
    /// One line: protocol, endpoints, flags, length.
    public var summary: String
}

/// A packet in one of the `--against` captures.
public struct ObservedReference: Hashable, Sendable {
    public var capture: String
    public var frame: Int
    public var time: Timestamp
    public var summary: String
}

/// An expected emission aligned with an observed packet whose fields differ.
public struct PacketDifference: Hashable, Sendable {
    public var expected: ExpectedReference
    public var observed: ObservedReference
    /// Every differing field, explained ones included; at least one counts as a difference.
    public var fields: [FieldDifference]
}

/// A connection the real director sent to another real server than the model did.
public struct SchedulerDisagreement: Hashable, Sendable {
    /// `tcp CIP:port -> VIP:port`.
    public var connection: String
    /// `RIP:port` the model's scheduler chose, and the one observed.
    public var expected: String
    public var observed: String
    /// The observed server is one of the service's configured real servers (then the
    /// rest of the connection is compared as if the model had chosen it).
    public var observedIsConfigured: Bool
    public var expectedFrame: Int
    public var observedAt: ObservedReference
}

/// The outcome of comparing the model's emissions with the `--against` captures.
public struct ReplayComparison: Sendable {
    /// Expected emissions aligned with an identical observed packet (up to scheduler
    /// re-alignment and non-determinism by design).
    public var matched = 0
    public var mismatched = 0
    /// Expected on a side the `--against` captures cover, never observed.
    public var missing = 0
    /// Observed toward a real server (the director's real-server side), never expected.
    public var unexpected = 0
    /// Expected on a side no `--against` capture shows: not compared.
    public var unchecked = 0
    public var differences: [PacketDifference] = []
    public var missingPackets: [ExpectedReference] = []
    public var unexpectedPackets: [ObservedReference] = []
    public var schedulerDisagreements: [SchedulerDisagreement] = []
    /// Per field name, how many packets differed in it by design (sorted by name).
    public var nondeterministic: [(field: String, count: Int)] = []
    /// Scheduler disagreements count as differences (`--strict-scheduler`).
    public var strictScheduler = false

    public init() {}

    /// Expected emissions set against the `--against` captures: matched, mismatched or
    /// missing (not the unchecked ones).
    public var compared: Int { matched + mismatched + missing }

    /// Whether the replay found differences (exit status 1).
    public var hasDifferences: Bool {
        mismatched > 0 || missing > 0 || unexpected > 0
            || (strictScheduler && !schedulerDisagreements.isEmpty)
    }
}

/// The fields of a `FlowRecord` that few flows have, kept out of line so that every record
/// does not carry their 168 bytes: the records are read in whole passes (correlation,
/// inference, rules) and a million of them fill fresh memory page by page. Immutable: a
/// record's setter makes a new one, so copies of a record never share a change.
final class FlowRecordRareFields: Sendable, CustomDebugStringConvertible {
    struct Values: Sendable {
        var toa: TOAObservation?
        var icmpErrors: ICMPErrorSummary?
        var tunnel: TunnelEndpoints?

        var isEmpty: Bool { toa == nil && icmpErrors == nil && tunnel == nil }
    }

    let values: Values

    init(_ values: Values) { self.values = values }

    /// The values, as `String(reflecting:)` of a record shows them (tests compare records so).
    var debugDescription: String { String(reflecting: values) }
}

/// The fields of a `FlowRecord` that few flows have, kept out of line so that every record
/// does not carry their 168 bytes: the records are read in whole passes (correlation,
/// inference, rules) and a million of them fill fresh memory page by page. Immutable: a
/// record's setter makes a new one, so copies of a record never share a change.
///
/// Visible to inlining (`@usableFromInline`): the rules read `records[i].icmpErrors` across
/// modules, and an opaque getter there made the caller copy the whole record to call it.
@usableFromInline
final class FlowRecordRareFields: Sendable, CustomDebugStringConvertible {
    @usableFromInline
    struct Values: Sendable {
        @usableFromInline var toa: TOAObservation?
        @usableFromInline var icmpErrors: ICMPErrorSummary?
        @usableFromInline var tunnel: TunnelEndpoints?

        var isEmpty: Bool { toa == nil && icmpErrors == nil && tunnel == nil }
    }

    @usableFromInline let values: Values

    init(_ values: Values) { self.values = values }

    /// The values, as `String(reflecting:)` of a record shows them (tests compare records so).
    @usableFromInline var debugDescription: String { String(reflecting: values) }
}

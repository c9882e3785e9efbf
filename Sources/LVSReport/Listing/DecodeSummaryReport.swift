import LVSCapture
import LVSDecode

/// `lvscope decode --summary` in text or JSON (DESIGN.md §4's decode summary).
public struct DecodeSummaryReport {
    public let input: CaptureInput
    public let info: CaptureFileInfo
    public let summary: DecodeSummary
    public let truncatedTail: Bool

    public init(input: CaptureInput, info: CaptureFileInfo, summary: DecodeSummary, truncatedTail: Bool) {
        self.input = input
        self.info = info
        self.summary = summary
        self.truncatedTail = truncatedTail
    }

    /// The capture's link type name; several interfaces of different types are `+`-joined.
    var linkType: String {
        var names: [String] = []
        for interface in info.interfaces where !names.contains(interface.linkType.name) {
            names.append(interface.linkType.name)
        }
        return names.joined(separator: "+")
    }

    public func rendered(_ format: ListingFormat) -> String {
        format == .text ? text() : json().rendered(indent: 2) + "\n"
    }

    public func json() -> JSONValue {
        let layers = zip(DecodeSummary.keys, summary.counts).map { ($0, JSONValue.int($1)) }
        return .object([
            ("packets", .int(summary.packets)), ("linkType", .string(linkType)), ("layers", .object(layers)),
            ("truncated", .int(summary.truncated)), ("malformed", .int(summary.malformed)),
        ])
    }

    public func text() -> String {
        var lines = [
            "capture    \(input.path) (point \(input.point))",
            "format     \(info.format), link type \(linkType)",
            "packets    \(summary.packets) (\(summary.bytes) bytes captured)",
        ]
        let layers = zip(DecodeSummary.keys, summary.counts).map { "\($0) \($1)" }.joined(separator: "  ")
        lines.append("layers     \(layers)")
        lines.append("truncated  \(summary.truncated)")
        lines.append("malformed  \(summary.malformed)")
        if truncatedTail { lines.append("warning    the file ends inside its last record") }
        return lines.joined(separator: "\n") + "\n"
    }
}

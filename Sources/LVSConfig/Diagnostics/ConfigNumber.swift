/// Strict decimal numbers for both parsers: digits only (no sign, no hex, no spaces),
/// checked against the range the configured tool accepts, with the message naming the
/// setting and the range.
enum ConfigNumber {
    static func parse(
        _ text: some StringProtocol, in range: ClosedRange<Int>, what: String, at location: ConfigLocation
    ) throws(ConfigError) -> Int {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ConfigError(at: location, "bad \(what) \"\(text)\": not a number")
        }
        // More digits than any range here can hold: out of range rather than overflow.
        guard text.count <= 12, let value = Int(text), range.contains(value) else {
            throw ConfigError(at: location, "\(what) \(QuotedExcerpt.excerpt(text)) out of range "
                + "\(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }
}

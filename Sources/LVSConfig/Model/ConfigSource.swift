/// Where a deployment came from: the file as opened and its language.
public struct ConfigSource: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var format: ConfigFormat

    public init(file: String, format: ConfigFormat) {
        self.file = file
        self.format = format
    }

    public var description: String { "\(file) (\(format))" }
}

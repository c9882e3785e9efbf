/// Reading a deployment from a file, whichever of the two languages it is in.
extension Deployment {
    /// Reads ipvsadm-save output or keepalived.conf from `path`, deciding which by content.
    /// Errors name the file (and line): missing file, directory, empty file, text that
    /// is neither format, or any parse error.
    public static func load(path: String) throws(ConfigError) -> Deployment {
        try parse(try ConfigFile.read(path), file: path)
    }

    /// Parses `text` as `format`, or as the detected format when `format` is nil. `file`
    /// names the text in messages and anchors keepalived `include` paths.
    public static func parse(_ text: String, file: String, format: ConfigFormat? = nil) throws(ConfigError) -> Deployment {
        guard let statement = ConfigFormat.firstStatement(text) else {
            throw ConfigError(file: file, "empty configuration: no statements, only blank lines and comments")
        }
        guard let format = format ?? ConfigFormat.detect(text) else {
            throw ConfigError(file: file, line: statement.line, column: statement.column,
                              "neither ipvsadm-save output nor keepalived.conf: starts with \"\(statement.word)\"")
        }
        switch format {
        case .ipvsadm: return try IpvsadmParser.parse(text, file: file)
        case .keepalived: return try KeepalivedParser.parse(text, file: file)
        }
    }
}

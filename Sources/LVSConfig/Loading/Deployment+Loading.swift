/// Reading a deployment from a file, whichever of the two languages it is in.
extension Deployment {
    /// Reads ipvsadm-save output or keepalived.conf from `path`, deciding which by content.
    /// Errors name the file (and line): missing file, directory, empty file, text that
    /// is neither format, or any parse error.
    public static func load(path: String) throws(ConfigError) -> Deployment {
        try parse(try ConfigFile.read(path), file: path)
    }

    /// Reads `path` but names the file `name` in messages and locations (a path relative
    /// to a base directory, so reports do not depend on where the checkout lives).
    public static func load(path: String, displayedAs name: String) throws(ConfigError) -> Deployment {
        try parse(try ConfigFile.read(path), file: name)
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
        var deployment = switch format {
        case .ipvsadm: try IpvsadmParser.parse(text, file: file)
        case .keepalived: try KeepalivedParser.parse(text, file: file)
        }
        // Valid but empty (only vrrp_instance, or only `-C`): every observed service
        // would then look unexpected, so say why.
        if deployment.services.isEmpty {
            let start = ConfigLocation(file: file, line: statement.line, column: statement.column)
            deployment.warnings.append(ConfigWarning(at: start, "the file configures no virtual services"))
        }
        return deployment
    }
}

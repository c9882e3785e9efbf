import LVSCapture
import LVSConfig

/// Why a replay cannot run: bad input, reported as DESIGN.md §4's one line
/// `<what> (<where>)` (exit status 2).
public struct ReplayError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, in words an operator understands.
    public var what: String
    /// A path, `path:line`, a capture point or an option name.
    public var location: String?

    public init(_ what: String, at location: String? = nil) {
        self.what = what
        self.location = location
    }

    /// A capture that cannot be opened, read or written.
    public init(_ error: CaptureError) {
        self.init(error.what, at: error.location)
    }

    /// A configuration that cannot be loaded (`file:line:column` where known).
    public init(_ error: ConfigError) {
        self.init(error.message, at: error.location)
    }

    public var description: String {
        guard let location, !location.isEmpty else { return what }
        return "\(what) (\(location))"
    }
}

/// A failure the command line reports as one line, `lvscope: error: <what> (<where>)`,
/// with exit status 2 (bad input).
///
/// Every module's typed error (capture, decode, config) is turned into one of these at
/// the facade, so the CLI never has to know the modules' error types.
public struct LVScopeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in words an operator understands.
    public var what: String
    /// Where: a path, `path:line`, `path frame N`, or an argument name.
    public var location: String?

    public init(_ what: String, at location: String? = nil) {
        self.what = what
        self.location = location
    }

    public var description: String {
        guard let location, !location.isEmpty else { return what }
        return "\(what) (\(location))"
    }
}

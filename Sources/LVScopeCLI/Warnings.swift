import LVSConfig
import LVSReport

/// A warning on standard error: the command still succeeds.
func warn(_ message: String) {
    writeStandardError("lvscope: warning: \(message)")
}

/// A configuration warning (unknown keyword, include matching nothing, no services...):
/// the file was read as keepalived or ipvsadm would read it, but the operator should know.
/// `<what> (<where>)`, as errors are (DESIGN.md §4).
func warn(_ warning: ConfigWarning) {
    warn("\(warning.message) (\(warning.location))")
}

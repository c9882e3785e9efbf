import LVSReport

/// A warning on standard error: the command still succeeds.
func warn(_ message: String) {
    writeStandardError("lvscope: warning: \(message)")
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A warning on standard error: the command still succeeds.
func warn(_ message: String) {
    fputs("lvscope: warning: \(message)\n", stderr)
}

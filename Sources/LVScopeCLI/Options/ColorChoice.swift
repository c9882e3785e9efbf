import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `--color auto|always|never` of the text reports.
enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
    case auto, always, never

    /// Whether to colour a report written to `output` (nil: standard output). `auto`
    /// colours only a terminal whose TERM is not `dumb`, and never when NO_COLOR is set
    /// (no-color.org); a file gets colour codes only with `always`.
    func enabled(writingTo output: String?) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            guard output == nil || output == "-", isatty(1) == 1 else { return false }
            if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
            return getenv("NO_COLOR") == nil
        }
    }
}

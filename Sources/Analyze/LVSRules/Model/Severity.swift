/// How bad a finding is. `check --fail-on` compares against it.
public enum Severity: String, Hashable, Sendable, CaseIterable, Comparable {
    case notice, warning, error

    var rank: Int {
        switch self {
        case .notice: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

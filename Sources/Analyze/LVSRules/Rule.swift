/// One check of the deployment, in its own file and listed in `RuleCatalog` (STYLE.md §7:
/// explicit lists, no registry filled by side effects). Rules run per analysis, not per
/// packet, so an existential list is fine.
public protocol Rule: Sendable {
    /// Stable kebab-case id; findings, JUnit test cases and `lvscope rules` use it.
    var id: String { get }
    var category: FindingCategory { get }
    /// The severity of its findings.
    var severity: Severity { get }
    /// One line: what it detects.
    var title: String { get }
    /// Why it matters and what the wire shows (and which benign look-alikes it ignores).
    var rationale: String { get }
    /// The fix, in general form; findings carry the exact command for the host at fault.
    var remediation: String { get }

    func evaluate(_ context: AnalysisContext) -> [Finding]
}

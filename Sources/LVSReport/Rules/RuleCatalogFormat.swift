/// `lvscope rules --format`.
public enum RuleCatalogFormat: String, CaseIterable, Sendable {
    case text
    case markdown
    case json
}

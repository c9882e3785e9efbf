/// `--format` of `lvscope analyze`.
public enum AnalysisFormat: String, CaseIterable, Sendable {
    case text, json, html
}

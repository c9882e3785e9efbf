/// Output formats of `lvscope flows`.
public enum FlowListingFormat: String, CaseIterable, Sendable {
    case tsv, json
}

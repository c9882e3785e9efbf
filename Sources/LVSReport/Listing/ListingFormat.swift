/// Output formats of the per-packet and per-flow listings.
public enum ListingFormat: String, CaseIterable, Sendable {
    case text, tsv, json
}

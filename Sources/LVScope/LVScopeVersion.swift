/// The version reported by `lvscope --version` and in every document's `generator`.
public enum LVScopeVersion {
    public static let string = "0.1.0"
    public static let generator = "lvscope \(string)"
}

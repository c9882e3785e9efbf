import Testing
@testable import LVSConfig

/// Damaged configuration text must give a deployment or a `ConfigError`, never a trap:
/// every prefix of each fixture, and each fixture with any one line removed.
@Suite struct RobustnessTests {
    static let texts: [(String, ConfigFormat)] = [
        (LabDeployment.ipvsadmSave, .ipvsadm),
        (FullNATDeployment.ipvsadmScript, .ipvsadm),
        (LabDeployment.includedFiles.map(\.1).joined(), .keepalived),
        (FullNATDeployment.keepalived, .keepalived),
    ]

    @Test(arguments: 0..<texts.count)
    func everyPrefixParsesOrFailsCleanly(_ index: Int) {
        let (text, format) = Self.texts[index]
        var failures = 0
        var cut = text.startIndex
        while cut < text.endIndex {
            if parseError(String(text[..<cut]), file: "prefix", format: format) != nil { failures += 1 }
            cut = text.index(after: cut)
        }
        // Most prefixes end mid-word or mid-block; the test is that none of them trapped.
        #expect(failures > 0)
    }

    @Test(arguments: 0..<texts.count)
    func everyLineRemovedParsesOrFailsCleanly(_ index: Int) {
        let (text, format) = Self.texts[index]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for removed in lines.indices {
            var damaged = lines
            damaged.remove(at: removed)
            _ = parseError(damaged.joined(separator: "\n"), file: "damaged", format: format)
        }
    }
}

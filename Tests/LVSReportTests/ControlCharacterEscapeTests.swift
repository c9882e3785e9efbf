@testable import LVSReport
import Testing

/// What a standard-error line shows of control characters: escapes, so that it stays one
/// line and writes nothing a terminal would act on.
@Suite struct ControlCharacterEscapeTests {
    @Test func escapes() {
        #expect("a\nb\tc\rd".escapingControlCharacters == "a\\nb\\tc\\rd")
        #expect("\u{1B}[31m\u{7F}\u{0}".escapingControlCharacters == "\\x1B[31m\\x7F\\x00")
        #expect("x\u{85}y\u{2028}z\u{2029}\u{0B}\u{0C}".escapingControlCharacters == "x\\x85y\\u2028z\\u2029\\x0B\\x0C")
    }

    @Test func leavesPrintableTextAlone() {
        let text = "lvscope: error: no such file (/tmp/café ☕ \\n.pcap)"
        #expect(text.escapingControlCharacters == text)
    }
}

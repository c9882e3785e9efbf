/// Terminal text in tests: the text reports' colour is ANSI SGR sequences (ECMA-48
/// §8.3.117, `ESC [ … m`), which take no columns on screen.
public enum ANSIText {
    /// `text` without its SGR sequences.
    public static func stripped(_ text: String) -> String {
        var out = ""
        var escape = false
        for scalar in text.unicodeScalars {
            if escape {
                if scalar == "m" { escape = false }
            } else if scalar == "\u{1B}" {
                escape = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

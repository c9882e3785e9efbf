/// A capture point given on the command line: `PATH` or `NAME=PATH` (DESIGN.md §3, §4).
///
/// The argument is split at its first `=` only when the part before it is a plain name:
/// not empty and without `/`. So `/data/a=b.pcap` and `./x=y.pcap` are paths, while
/// `director=/data/d.pcap` names the point `director`. A file in the current directory
/// whose name contains `=` is given as `./NAME`. Without a name the point is the file's
/// stem (`captures/dir.pcap` → `dir`).
public struct CaptureInput: Hashable, Sendable, CustomStringConvertible {
    /// The capture point's name.
    public var point: String
    public var path: String
    /// True when the name came from `NAME=`.
    public var isNamed: Bool

    public init(point: String, path: String) {
        self.point = point
        self.path = path
        self.isNamed = true
    }

    public init(path: String) {
        self.point = CaptureInput.stem(ofPath: path)
        self.path = path
        self.isNamed = false
    }

    /// Parses `PATH` or `NAME=PATH`.
    public init(argument: String) throws(CaptureError) {
        guard !argument.isEmpty else { throw CaptureError(path: argument, .invalidArgument("empty capture argument")) }
        if let equals = argument.firstIndex(of: "="), equals != argument.startIndex {
            let name = argument[..<equals]
            if !name.contains("/") {
                let path = String(argument[argument.index(after: equals)...])
                guard !path.isEmpty else {
                    throw CaptureError(path: argument, .invalidArgument("no path after \"\(name)=\""))
                }
                self.init(point: String(name), path: path)
                try Self.requirePrintable(self.point, argument: argument, advice: "")
                return
            }
        }
        self.init(path: argument)
        try Self.requirePrintable(point, argument: argument, advice: "; name the point with NAME=PATH")
    }

    /// A point name is a line of reports and a column of listings: control characters
    /// (a tab or newline from a file name) would break them, and a name of blanks only
    /// names nothing visible.
    private static func requirePrintable(_ point: String, argument: String, advice: String) throws(CaptureError) {
        let control = { (scalar: Unicode.Scalar) in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x2028...0x2029).contains(scalar.value)
        }
        if point.unicodeScalars.contains(where: control) {
            throw CaptureError(path: argument, .invalidArgument("the capture point name holds control characters"
                + advice))
        }
        if point.allSatisfy(\.isWhitespace) {
            throw CaptureError(path: argument, .invalidArgument("the capture point name is blank" + advice))
        }
    }

    /// The last path component without its last extension (`a/b.c.pcap` → `b.c`); a
    /// leading dot is part of the name, not an extension.
    public static func stem(ofPath path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let name = trimmed.split(separator: "/", omittingEmptySubsequences: false).last ?? trimmed
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return String(name) }
        return String(name[..<dot])
    }

    public var description: String { isNamed ? "\(point)=\(path)" : path }
}

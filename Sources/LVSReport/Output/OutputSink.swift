import Glibc

/// A buffered writer for standard output or a file: per-packet listings write millions
/// of lines, and `print` per line costs a lock and a syscall each.
///
/// The buffer is raw memory the sink owns, not a `[UInt8]`: a line is stored with plain
/// pointer writes (`LineBytes`) instead of paying `Array.append`'s uniqueness and capacity
/// checks on every byte.
public final class OutputSink {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let name: String
    /// A file written under a temporary name until `commit()`.
    private let staged: StagedFile?
    // One writer uses a sink at a time and the buffer is lent out only for the length of
    // one `append` call, so the dynamic exclusivity checks (two per line) are turned off.
    @exclusivity(unchecked) private var start: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) private var capacity: Int

    /// Buffered bytes at which the buffer is written out.
    private static let flushThreshold = 1 << 16
    /// Room for a full buffer and then some lines, so that it rarely has to grow.
    private static let initialCapacity = 1 << 17

    /// Standard output.
    public init() {
        descriptor = 1
        ownsDescriptor = false
        name = "standard output"
        staged = nil
        start = .allocate(capacity: Self.initialCapacity)
        capacity = Self.initialCapacity
    }

    /// A file, created or truncated and written as it goes; or, `staged`, written under
    /// a temporary name until `commit()` (`StagedFile`: what the command line writes).
    /// Devices and pipes are written as they go either way.
    public init(path: String, staged: Bool = false) throws(OutputError) {
        let file = staged ? try StagedFile(path: path) : nil
        if let fd = file?.takeDescriptor() {
            descriptor = fd
        } else {
            descriptor = try StagedFile.openInPlace(path)
        }
        ownsDescriptor = true
        name = path
        self.staged = file
        start = .allocate(capacity: Self.initialCapacity)
        capacity = Self.initialCapacity
    }

    deinit {
        // A file that was not committed is dropped whole (its command failed); standard
        // output and devices get what was written.
        if staged?.isStaged != true { try? flush() }
        if ownsDescriptor { Glibc.close(descriptor) }
        start.deallocate()
    }

    /// Writes everything buffered and gives a staged file its name: the last call of a
    /// command whose output is complete.
    public func commit() throws(OutputError) {
        try flush()
        try staged?.commit()
    }

    public func write(_ text: String) throws(OutputError) {
        try append { $0.append(text) }
    }

    public func writeLine(_ text: String) throws(OutputError) {
        try append { line in
            line.append(text)
            line.newline()
        }
    }

    /// Appends one line built as an array of bytes, then a newline. Kept for callers that
    /// build their own bytes; the flow listing writes through `writeLine(_:)` with a
    /// `LineBytes`, which needs no intermediate array.
    public func writeLine(bytes body: (inout [UInt8]) -> Void) throws(OutputError) {
        var bytes: [UInt8] = []
        body(&bytes)
        try append { line in
            bytes.withUnsafeBytes { line.append($0) }
            line.newline()
        }
    }

    /// Appends one line written field by field into the buffer, then a newline.
    func writeLine(_ body: (inout LineBytes) -> Void) throws(OutputError) {
        try append { line in
            body(&line)
            line.newline()
        }
    }

    /// Lends the buffer to `body` as a `LineBytes` (which may move it to a larger
    /// allocation) and takes it back, then writes it out once it holds enough.
    private func append(_ body: (inout LineBytes) -> Void) throws(OutputError) {
        var line = LineBytes(start: start, count: count, capacity: capacity)
        body(&line)
        start = line.start
        count = line.count
        capacity = line.capacity
        if count >= Self.flushThreshold { try flush() }
    }

    /// Writes everything buffered, retrying partial writes and interruptions.
    public func flush() throws(OutputError) {
        let pending = count
        count = 0
        try writeOut(start, pending)
    }

    /// Writes lines formatted elsewhere, after everything buffered.
    func write(_ lines: LineBuffer) throws(OutputError) {
        try flush()
        try writeOut(lines.start, lines.count)
    }

    private func writeOut(_ bytes: UnsafePointer<UInt8>, _ length: Int) throws(OutputError) {
        var done = 0
        while done < length {
            let n = Glibc.write(descriptor, bytes + done, length - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: name, message: String(cString: strerror(errno)))
            }
            done += n
        }
    }
}

/// Writes one line to standard error, unbuffered. Control characters in it (from a file
/// name, a point name or a configuration's text) are written as escapes: the line stays
/// one line, also for tools that split at VT, FF, NEL or U+2028, and cannot drive the
/// terminal.
public func writeStandardError(_ line: String) {
    var text = line.escapingControlCharacters + "\n"
    text.withUTF8 { bytes in _ = Glibc.write(2, bytes.baseAddress, bytes.count) }
}

extension String {
    /// The text with C0 and C1 control characters, DEL and the Unicode line and paragraph
    /// separators written as `\n`, `\r`, `\t`, `\x1B` or `\u2028`.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.needsEscape) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            guard scalar.needsEscape else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += scalar.value < 0x100
                    ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex : "\\u" + hex
            }
        }
        return result
    }
}

extension Unicode.Scalar {
    fileprivate var needsEscape: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }
}

/// Writing a report or listing failed (disk full, closed pipe, bad path).
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "cannot write: \(message) (\(path))" }
}

extension OutputSink {
    /// Standard output when `path` is nil or `-`, else the file, written as it goes.
    public static func open(_ path: String?) throws(OutputError) -> OutputSink {
        guard let path, path != "-" else { return OutputSink() }
        return try OutputSink(path: path)
    }

    /// Standard output when `path` is nil or `-`, else the file, staged until `commit()`.
    public static func staged(_ path: String?) throws(OutputError) -> OutputSink {
        guard let path, path != "-" else { return OutputSink() }
        return try OutputSink(path: path, staged: true)
    }
}

import Glibc

/// A buffered writer for standard output or a file: per-packet listings write millions
/// of lines, and `print` per line costs a lock and a syscall each.
public final class OutputSink {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private let name: String

    /// Standard output.
    public init() {
        descriptor = 1
        ownsDescriptor = false
        name = "standard output"
        buffer.reserveCapacity(1 << 16)
    }

    /// A file, created or truncated.
    public init(path: String) throws(OutputError) {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, message: String(cString: strerror(errno))) }
        descriptor = fd
        ownsDescriptor = true
        name = path
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        try? flush()
        if ownsDescriptor { Glibc.close(descriptor) }
    }

    public func write(_ text: String) throws(OutputError) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func writeLine(_ text: String) throws(OutputError) {
        try write(text)
        buffer.append(10)
    }

    /// Appends one line built directly as bytes (no intermediate String), then a newline.
    public func writeLine(bytes body: (inout [UInt8]) -> Void) throws(OutputError) {
        body(&buffer)
        buffer.append(10)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes everything buffered, retrying partial writes and interruptions.
    public func flush() throws(OutputError) {
        var failure: Int32 = 0
        buffer.withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(descriptor, bytes.baseAddress.map { $0 + done }, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
        if failure != 0 { throw OutputError(path: name, message: String(cString: strerror(failure))) }
    }
}

/// Writes one line to standard error, unbuffered.
public func writeStandardError(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { bytes in _ = Glibc.write(2, bytes.baseAddress, bytes.count) }
}

/// Writing a report or listing failed (disk full, closed pipe, bad path).
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "cannot write: \(message) (\(path))" }
}

extension OutputSink {
    /// Standard output when `path` is nil, else the file.
    public static func open(_ path: String?) throws(OutputError) -> OutputSink {
        guard let path else { return OutputSink() }
        return try OutputSink(path: path)
    }
}

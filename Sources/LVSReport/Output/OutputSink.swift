#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered writer for standard output or a file: per-packet listings write millions
/// of lines, and `print` per line costs a lock and a syscall each.
public final class OutputSink {
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    private var buffer: [UInt8] = []
    private let path: String?

    /// Standard output.
    public init() {
        file = stdout
        ownsFile = false
        path = nil
        buffer.reserveCapacity(1 << 16)
    }

    /// A file, created or truncated.
    public init(path: String) throws(OutputError) {
        guard let handle = fopen(path, "w") else {
            throw OutputError(path: path, message: String(cString: strerror(errno)))
        }
        file = handle
        ownsFile = true
        self.path = path
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        try? flush()
        if ownsFile { fclose(file) }
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

    public func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let failed = written != buffer.count
        buffer.removeAll(keepingCapacity: true)
        fflush(file)
        if failed { throw OutputError(path: path ?? "standard output", message: String(cString: strerror(errno))) }
    }
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

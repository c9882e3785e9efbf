import Glibc

/// Reads a configuration file as UTF-8 text, turning every way that can fail into a
/// `ConfigError` that names the file.
enum ConfigFile {
    /// Larger than any deployment's configuration: reading stops there, so a device that
    /// never ends (`/dev/zero`) is refused instead of filling memory.
    static let maximumSize = 16 << 20

    /// Reads with read(2), so that a pipe works too: `--config <(ipvsadm-save -n)` and
    /// `ipvsadm-save -n | lvscope ... --config /dev/stdin` (FileManager reads neither).
    static func read(_ path: String, writerWait: Int32 = writerWait) throws(ConfigError) -> String {
        guard !path.isEmpty else { throw ConfigError(file: "\"\"", "is an empty path, not a configuration file") }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ConfigError(file: path, errno == ENOENT ? "no such file" : "cannot be read: \(systemError())")
        }
        guard info.st_mode & S_IFMT != S_IFDIR else {
            throw ConfigError(file: path, "is a directory, not a configuration file")
        }
        let bytes = try contents(of: path, writerWait: writerWait)
        // A byte-order mark (editors on Windows write one) is not part of the first word.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = bytes.starts(with: bom) ? bytes.dropFirst(3) : bytes[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            throw ConfigError(file: path, "is not UTF-8 text")
        }
        return text
    }

    /// How long a FIFO may go without a writer (milliseconds).
    static let writerWait: Int32 = 10_000

    private static func contents(of path: String, writerWait: Int32) throws(ConfigError) -> [UInt8] {
        // Opened non-blocking, as a FIFO without a writer would block open(2) forever.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw ConfigError(file: path, "cannot be read: \(systemError())") }
        defer { close(descriptor) }
        try awaitWriter(descriptor, path, writerWait)
        var bytes: [UInt8] = []
        let chunk = 64 << 10
        while true {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress.map { $0 + start }, chunk)
            }
            if count < 0, errno == EINTR {
                bytes.removeLast(chunk)
                continue
            }
            guard count >= 0 else { throw ConfigError(file: path, "cannot be read: \(systemError())") }
            bytes.removeLast(chunk - count)
            if count == 0 { return bytes }
            // Checked as it arrives, so that a binary device is refused at its first chunk.
            guard !bytes[start...].contains(0) else {
                throw ConfigError(file: path, "is binary, not a text configuration file")
            }
            guard bytes.count <= maximumSize else {
                throw ConfigError(file: path, "is larger than \(maximumSize >> 20) MiB, not a configuration file")
            }
        }
    }

    /// A pipe with a writer (`<(ipvsadm-save -n)`, a shell pipeline) has data or an end
    /// within moments; a FIFO nothing opened for writing has neither, and is refused after
    /// `writerWait`. Then reads block as usual, however slow the writer.
    private static func awaitWriter(_ descriptor: Int32, _ path: String, _ writerWait: Int32) throws(ConfigError) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw ConfigError(file: path, "cannot be read: \(systemError())") }
        if info.st_mode & S_IFMT == S_IFIFO {
            var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            var ready: Int32
            repeat { ready = poll(&waiting, 1, writerWait) } while ready < 0 && errno == EINTR
            guard ready > 0 else {
                let wait = writerWait >= 1000 ? "\(writerWait / 1000) s" : "\(writerWait) ms"
                throw ConfigError(file: path, "is a FIFO that nothing wrote to within \(wait)")
            }
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    }

    private static func systemError() -> String { String(cString: strerror(errno)) }

    /// The directory relative include paths are resolved against.
    static func directory(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        var parent = path[..<slash]
        while parent.hasSuffix("/") { parent.removeLast() }
        return parent.isEmpty ? "/" : String(parent)
    }

    /// The path with `.`/`..` and symbolic links resolved: the identity of a file for
    /// include-cycle detection.
    static func canonical(_ path: String) -> String {
        // A path realpath(3) cannot resolve names no file: opening it fails with its own error.
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Paths matching a shell pattern, sorted (glob(3) sorts by default); empty when none.
    /// Braces expand as keepalived's `include` expands them (`s{1,2}.conf`: GLOB_BRACE).
    static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, GLOB_BRACE, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { index in
            result.gl_pathv[index].map { String(cString: $0) }
        }
    }

    static func isPattern(_ path: String) -> Bool {
        path.contains { $0 == "*" || $0 == "?" || $0 == "[" || $0 == "{" }
    }
}

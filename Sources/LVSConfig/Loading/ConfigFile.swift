import Glibc

/// Reads a configuration file as UTF-8 text, turning every way that can fail into a
/// `ConfigError` that names the file.
enum ConfigFile {
    /// Larger than any deployment's configuration: reading stops there, so a device that
    /// never ends (`/dev/zero`) is refused instead of filling memory.
    static let maximumSize = 16 << 20

    /// Reads with read(2), so that a pipe works too: `--config <(ipvsadm-save -n)` and
    /// `ipvsadm-save -n | lvscope ... --config /dev/stdin` (FileManager reads neither).
    static func read(_ path: String) throws(ConfigError) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ConfigError(file: path, errno == ENOENT ? "no such file" : "cannot be read: \(systemError())")
        }
        guard info.st_mode & S_IFMT != S_IFDIR else {
            throw ConfigError(file: path, "is a directory, not a configuration file")
        }
        let bytes = try contents(of: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError(file: path, "is not UTF-8 text")
        }
        return text
    }

    private static func contents(of path: String) throws(ConfigError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ConfigError(file: path, "cannot be read: \(systemError())") }
        defer { close(descriptor) }
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
    static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { index in
            result.gl_pathv[index].map { String(cString: $0) }
        }
    }

    static func isPattern(_ path: String) -> Bool {
        path.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }
}

import Foundation

/// Reads a configuration file as UTF-8 text, turning every way that can fail into a
/// `ConfigError` that names the file.
enum ConfigFile {
    static func read(_ path: String) throws(ConfigError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigError(file: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw ConfigError(file: path, "is a directory, not a configuration file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, "cannot be read (permission denied?)")
        }
        guard !data.contains(0) else { throw ConfigError(file: path, "is binary, not a text configuration file") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, "is not UTF-8 text")
        }
        return text
    }

    /// The directory relative include paths are resolved against.
    static func directory(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// The path with `.`/`..` and symbolic links resolved: the identity of a file for
    /// include-cycle detection.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
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

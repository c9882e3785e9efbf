import Glibc
import LVScope

/// Refuses, before anything is read or written, an output file (report, listing, JUnit,
/// capture) that is one of the command's inputs or another of its outputs: `-o
/// client.pcap` would truncate the capture it is about to read. Files are compared by
/// device and inode, so links and other spellings of a path count; an output that does
/// not exist yet is compared by its resolved directory and name. Devices and pipes
/// (`/dev/null`, `/dev/stdout`) may be named by several outputs.
enum OutputTargets {
    private enum Identity: Equatable {
        case file(device: UInt64, inode: UInt64)
        case planned(String)
        case notAFile
    }

    /// `outputs`: each option and the path it names, if given. `inputs`: the paths read.
    static func check(_ outputs: [(option: String, path: String?)], inputs: [String]) throws(LVScopeError) {
        var checked: [(option: String, identity: Identity)] = []
        for case let (option, path?) in outputs {
            guard !path.isEmpty else { throw LVScopeError("an empty path names no file", at: option) }
            let identity = identity(of: path)
            if identity == .notAFile { continue }
            if let input = inputs.first(where: { Self.identity(of: $0) == identity }) {
                throw LVScopeError("\(option) names an input, which it would overwrite", at: input)
            }
            if let earlier = checked.first(where: { $0.identity == identity }) {
                throw LVScopeError("\(earlier.option) and \(option) name the same file", at: path)
            }
            checked.append((option, identity))
        }
    }

    private static func identity(of path: String) -> Identity {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFREG else { return .notAFile }
            return .file(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let resolved = realpath(directory, nil) else { return .planned(path) }
        defer { free(resolved) }
        return .planned(String(cString: resolved) + "/" + name)
    }
}

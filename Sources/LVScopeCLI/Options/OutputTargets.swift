import Glibc
import LVScope
import LVSReport

/// Refuses, before anything is read or written, an output file (report, listing, JUnit,
/// capture) that is one of the command's inputs or another of its outputs: `-o
/// client.pcap` would truncate the capture it is about to read. Files are compared by
/// device and inode, so links and other spellings of a path count; an output that does
/// not exist yet is compared by its resolved directory and name (a dangling link by its
/// target's). Devices and pipes (`/dev/null`, `/dev/stdout`) may be named by several
/// outputs. `-` is standard output, which one output at most may use.
enum OutputTargets {
    private enum Identity: Equatable {
        case file(device: UInt64, inode: UInt64)
        case planned(String)
        case standardOutput
        case notAFile
    }

    /// `outputs`: each option and the path it names, if given. `inputs`: the paths read.
    /// `standardOutput`: the option that writes to standard output when not given.
    /// Checked again before the outputs take their names, with the files a configuration
    /// included (which only reading it tells).
    static func check(_ outputs: [(option: String, path: String?)], inputs: [String],
                      standardOutput: String? = nil) throws(LVScopeError) {
        var checked: [(option: String, identity: Identity)] = []
        for (option, given) in outputs {
            guard let path = given ?? (option == standardOutput ? "-" : nil) else { continue }
            guard !path.isEmpty else { throw LVScopeError("an empty path names no file", at: option) }
            let identity = path == "-" ? .standardOutput : identity(of: path)
            if identity == .notAFile { continue }
            if identity == .standardOutput, let earlier = checked.first(where: { $0.identity == identity }) {
                throw LVScopeError("\(earlier.option) and \(option) both write to standard output", at: path)
            }
            if let input = inputs.first(where: { Self.identity(of: $0) == identity }) {
                throw LVScopeError("\(option) names an input, which it would overwrite", at: input)
            }
            if let earlier = checked.first(where: { $0.identity == identity }) {
                throw LVScopeError("\(earlier.option) and \(option) name the same file", at: path)
            }
            checked.append((option, identity))
        }
    }

    /// The file or pipe standard output is (a shell's `> FILE` or `| tool`), which an output
    /// named `/dev/stdout`, `/proc/self/fd/1` or `FILE` would share with the default one.
    /// Not a terminal or `/dev/null`: several outputs may mix there.
    private static let standardOutputFile: (device: UInt64, inode: UInt64)? = {
        var info = stat()
        guard fstat(1, &info) == 0, [S_IFREG, S_IFIFO, S_IFSOCK].contains(info.st_mode & S_IFMT) else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }()

    private static func identity(of path: String) -> Identity {
        var info = stat()
        if stat(path, &info) == 0 {
            if let stream = standardOutputFile, stream == (UInt64(info.st_dev), UInt64(info.st_ino)) {
                return .standardOutput
            }
            guard info.st_mode & S_IFMT == S_IFREG else { return .notAFile }
            return .file(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        }
        // A dangling link names the file writing would create.
        let path = StagedFile.linkChain(path).last ?? path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let resolved = realpath(directory, nil) else { return .planned(path) }
        defer { free(resolved) }
        return .planned(String(cString: resolved) + "/" + name)
    }
}

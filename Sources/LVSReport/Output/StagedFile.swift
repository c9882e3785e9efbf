import Glibc

/// An output file that takes its name only once it is whole: the bytes go to a temporary
/// file beside the target, which `commit()` renames over it. A write that fails (disk
/// full, a file size limit, an error later in the command) then leaves the target as it
/// was, instead of a truncated report or capture that a CI step would pick up, and a
/// second output of the same command is not emptied before the first has been written.
/// An uncommitted temporary file is removed when the value goes.
///
/// Devices and pipes (`/dev/null`, `/dev/stdout`, a FIFO) cannot be renamed over: they
/// are written in place. So is a file whose directory lvscope may not create files in
/// (the file itself being writable), and a symbolic link to a file not made yet.
public final class StagedFile {
    /// The path asked for, as messages name it.
    public let path: String
    /// Where the bytes go until `commit()`: the temporary file, or `path` itself.
    public let writePath: String
    /// The file renamed over on commit (the link's target when `path` is a link), nil when
    /// written in place.
    private let target: String?
    /// Open on `writePath` when the file was created here, until `takeDescriptor()`.
    private var descriptor: Int32
    private var committed = false

    /// Prepares `path` for writing. Throws when its directory is missing or closed to us,
    /// or it is a directory.
    public init(path: String) throws(OutputError) {
        self.path = path
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists, info.st_mode & S_IFMT == S_IFDIR { throw OutputError(path: path, message: "Is a directory") }
        guard let target = Self.renameTarget(path, exists: exists, info: info) else {
            writePath = path
            target = nil
            descriptor = -1
            return
        }
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[...$0]) } ?? ""
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array((directory + "." + name + ".lvscope-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else {
            let failure = errno
            // A file lvscope may write but not replace: written in place, as before staging.
            if exists, [EACCES, EPERM, EROFS].contains(failure), access(path, W_OK) == 0 {
                writePath = path
                self.target = nil
                descriptor = -1
                return
            }
            throw OutputError(path: path, message: String(cString: strerror(failure)))
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        // mkstemp makes the file 0600: give it the target's mode, or a new file's.
        _ = fchmod(fd, exists ? info.st_mode & 0o7777 : 0o666 & ~Self.currentUmask())
        writePath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        self.target = target
        descriptor = fd
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if target != nil, !committed { unlink(writePath) }
    }

    /// Whether the bytes go to a temporary file until `commit()`.
    public var isStaged: Bool { target != nil }

    /// The open descriptor of the temporary file, now the caller's to close; nil when the
    /// file is written in place (the caller opens `writePath` itself).
    public func takeDescriptor() -> Int32? {
        guard descriptor >= 0 else { return nil }
        defer { descriptor = -1 }
        return descriptor
    }

    /// Gives the written file its name.
    public func commit() throws(OutputError) {
        guard let target, !committed else { return }
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        guard rename(writePath, target) == 0 else {
            throw OutputError(path: path, message: String(cString: strerror(errno)))
        }
        committed = true
    }

    /// The file a rename must replace: the path, or where its links lead; nil when the
    /// output is written in place (not a regular file, or a link to a file not made yet).
    private static func renameTarget(_ path: String, exists: Bool, info: stat) -> String? {
        if exists {
            guard info.st_mode & S_IFMT == S_IFREG else { return nil }
            var link = stat()
            guard lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK else { return path }
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        }
        var link = stat()
        return lstat(path, &link) == 0 ? nil : path
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }
}

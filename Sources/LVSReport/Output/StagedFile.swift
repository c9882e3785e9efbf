import Glibc

/// An output file that takes its name only once it is whole: the bytes go to a temporary
/// file beside the target, which `commit()` renames over it. A write that fails (disk
/// full, a file size limit, an error later in the command) then leaves the target as it
/// was, instead of a truncated report or capture that a CI step would pick up, and a
/// second output of the same command is not emptied before the first has been written.
/// An uncommitted temporary file is removed when the value goes, or by `TemporaryFiles`
/// when a signal ends the process.
///
/// A rename would change what some targets are, so these are written in place, as a
/// plain `open` with `O_TRUNC` would: devices, pipes and anything under `/dev` or `/proc`
/// (`/dev/stdout` may be a shell's redirection to a file, which must keep the shell's
/// later lines); a file with other hard links, owned by another user, that we may not
/// write (the open then fails as before), or mounted on its own (a container's bind
/// mount); a file whose directory we may not create files in; a symbolic link to a file
/// not made yet. When the rename itself fails, the bytes are copied into the target.
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
        // NAME_MAX is 255 bytes: a long name gets a short temporary one.
        let temporary = name.utf8.count > 200 ? ".lvscope-XXXXXX" : "." + name + ".lvscope-XXXXXX"
        var template = Array((directory + temporary).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else {
            let failure = errno
            // A file lvscope may write but not replace: written in place, as before staging.
            if exists, [EACCES, EPERM, EROFS].contains(failure) {
                writePath = path
                self.target = nil
                descriptor = -1
                return
            }
            throw OutputError(path: path, message: String(cString: strerror(failure)))
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        // mkstemp makes the file 0600: give it the target's permissions, or those `open`
        // gives a new file (0644 under the umask).
        _ = fchmod(fd, exists ? info.st_mode & 0o777 : 0o644 & ~Self.umaskValue)
        writePath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        self.target = target
        descriptor = fd
        TemporaryFiles.register(writePath)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if target != nil, !committed {
            unlink(writePath)
            TemporaryFiles.unregister(writePath)
        }
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
        if rename(writePath, target) != 0 {
            let failure = errno
            guard [EBUSY, EXDEV, EPERM, EACCES].contains(failure) else {
                throw OutputError(path: path, message: String(cString: strerror(failure)))
            }
            try copyIntoTarget(target)
            unlink(writePath)
        }
        committed = true
        TemporaryFiles.unregister(writePath)
    }

    /// The bytes written into the target in place, when it cannot be replaced after all
    /// (a rename onto a mount point, a directory that changed under us).
    private func copyIntoTarget(_ target: String) throws(OutputError) {
        let source = open(writePath, O_RDONLY | O_CLOEXEC)
        let sink = open(target, O_WRONLY | O_TRUNC | O_CLOEXEC)
        defer {
            if source >= 0 { close(source) }
            if sink >= 0 { close(sink) }
        }
        guard source >= 0, sink >= 0 else { throw OutputError(path: path, message: String(cString: strerror(errno))) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw OutputError(path: path, message: String(cString: strerror(errno))) }
            if count == 0 { return }
            var done = 0
            while done < count {
                let written = buffer.withUnsafeBytes { write(sink, $0.baseAddress.map { $0 + done }, count - done) }
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { throw OutputError(path: path, message: String(cString: strerror(errno))) }
                done += written
            }
        }
    }

    /// How long a FIFO may go without a reader before the write is given up, as reading a
    /// configuration from one waits.
    private static let readerWait = 10.0

    /// Opens an output written in place. A FIFO without a reader would block `open` for
    /// ever: it is opened without blocking, retried until a reader comes or `readerWait`
    /// passes, and then set back to blocking writes.
    public static func openInPlace(_ path: String) throws(OutputError) -> Int32 {
        // The descriptor itself, not a new open of what it leads to: a shell's `>>` keeps
        // appending, where an open would truncate the file.
        if let inherited = inheritedDescriptor(path) {
            let fd = fcntl(inherited, F_DUPFD_CLOEXEC, 3)
            guard fd >= 0 else { throw OutputError(path: path, message: String(cString: strerror(errno))) }
            return fd
        }
        var info = stat()
        let isFIFO = stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
        guard isFIFO else {
            let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw OutputError(path: path, message: String(cString: strerror(errno))) }
            return fd
        }
        var waited = 0.0
        while true {
            let fd = Glibc.open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            if fd >= 0 {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
                return fd
            }
            guard errno == ENXIO || errno == EINTR else {
                throw OutputError(path: path, message: String(cString: strerror(errno)))
            }
            guard waited < readerWait else {
                throw OutputError(path: path, message: "no reader opened the FIFO within \(Int(readerWait)) s")
            }
            usleep(50_000)
            waited += 0.05
        }
    }

    /// The descriptor `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N` names.
    private static func inheritedDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    /// The file a rename must replace: the path, or where its links lead; nil when the
    /// output is written in place (see the type's comment).
    private static func renameTarget(_ path: String, exists: Bool, info: stat) -> String? {
        if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") { return nil }
        guard exists else {
            var link = stat()
            return lstat(path, &link) == 0 ? nil : path
        }
        guard info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1, info.st_uid == geteuid(),
              access(path, W_OK) == 0, let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        let bytes = UnsafeRawBufferPointer(start: resolved, count: strlen(resolved))
        guard let target = String(validating: bytes, as: UTF8.self) else { return nil }
        // A file mounted on its own sits on another device than its directory.
        let directory = target.lastIndex(of: "/").map { target[..<$0].isEmpty ? "/" : String(target[..<$0]) } ?? "."
        var parent = stat()
        guard stat(directory, &parent) == 0, parent.st_dev == info.st_dev else { return nil }
        return target
    }

    /// The process's umask, read once (setting it to read it is not thread-safe).
    private static let umaskValue: mode_t = {
        let mask = umask(0)
        umask(mask)
        return mask
    }()
}

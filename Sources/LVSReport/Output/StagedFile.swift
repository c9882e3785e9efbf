import Glibc

/// An output file that is written whole or not at all: the bytes go to a temporary file
/// beside the target, which `commit()` renames over it. A write that fails (disk full, a
/// file size limit, an error later in the command, a signal: `TemporaryFiles`) then
/// leaves the target as it was, instead of a truncated report or capture that a CI step
/// would pick up, and one output is not emptied before the others have been written.
///
/// A rename would change what some targets are. A file with other hard links, owned by
/// another user, mounted on its own (a container's bind mount), or reached through a
/// link to a file not made yet is staged all the same, then copied into the target at
/// `commit()`, which keeps its inode, owner and links. Written in place as they go, as a
/// plain `open` with `O_TRUNC` would: devices, pipes, anything under `/dev` or `/proc`
/// or linked there, the files the process's standard streams are (a shell's `>>` must
/// keep its later lines), a file we may not write (its open fails at once), and a file
/// whose directory takes no temporary file.
public final class StagedFile {
    private enum Plan {
        /// Renamed over this path (the link's target when `path` is a link).
        case rename(String)
        /// Copied into `path` (following links) at commit.
        case copy
        case inPlace
    }

    /// The path asked for, as messages name it.
    public let path: String
    /// Where the bytes go until `commit()`: the temporary file, or `path` itself.
    public let writePath: String
    private let plan: Plan
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
        let plan = Self.plan(path, exists: exists, info: info)
        let besides: String
        var throughLink = false
        switch plan {
        case .inPlace:
            self.plan = .inPlace
            writePath = path
            descriptor = -1
            return
        case let .rename(target): besides = target
        case .copy:
            besides = path
            throughLink = !exists
        }
        let slash = besides.lastIndex(of: "/")
        let directory = slash.map { String(besides[...$0]) } ?? ""
        let name = slash.map { String(besides[besides.index(after: $0)...]) } ?? besides
        // NAME_MAX is 255 bytes: a long name gets a short temporary one.
        let temporary = name.utf8.count > 200 ? ".lvscope-XXXXXX" : "." + name + ".lvscope-XXXXXX"
        var template = Array((directory + temporary).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else {
            let failure = errno
            // A directory closed to new files: written in place, as before staging.
            if [EACCES, EPERM, EROFS].contains(failure), exists || throughLink {
                self.plan = .inPlace
                writePath = path
                descriptor = -1
                return
            }
            throw OutputError(path: path, message: String(cString: strerror(failure)))
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        if case .rename = plan {
            // mkstemp makes the file 0600 and ours: give it the target's permissions and
            // group, or those `open` gives a new file (0644 under the umask).
            _ = fchmod(fd, exists ? info.st_mode & 0o777 : 0o644 & ~Self.umaskValue)
            if exists { _ = fchown(fd, uid_t.max, info.st_gid) }
        }
        writePath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        self.plan = plan
        descriptor = fd
        TemporaryFiles.register(writePath)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if isStaged, !committed {
            unlink(writePath)
            TemporaryFiles.unregister(writePath)
        }
    }

    /// Whether the bytes go to a temporary file until `commit()`.
    public var isStaged: Bool {
        if case .inPlace = plan { return false }
        return true
    }

    /// The open descriptor of the temporary file, now the caller's to close; nil when the
    /// file is written in place (the caller opens `writePath` itself).
    public func takeDescriptor() -> Int32? {
        guard descriptor >= 0 else { return nil }
        defer { descriptor = -1 }
        return descriptor
    }

    /// Gives the written file its name.
    public func commit() throws(OutputError) {
        guard isStaged, !committed else { return }
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        switch plan {
        case let .rename(target):
            guard rename(writePath, target) != 0 else { break }
            let failure = errno
            guard [EBUSY, EXDEV, EPERM, EACCES].contains(failure) else {
                throw OutputError(path: path, message: String(cString: strerror(failure)))
            }
            try copyIntoTarget()
            unlink(writePath)
        case .copy:
            try copyIntoTarget()
            unlink(writePath)
        case .inPlace:
            return
        }
        committed = true
        TemporaryFiles.unregister(writePath)
    }

    /// The bytes written into `path` in place (created through a link when need be).
    private func copyIntoTarget() throws(OutputError) {
        let source = open(writePath, O_RDONLY | O_CLOEXEC)
        let sink = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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

    /// The descriptor `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N` names,
    /// directly or through links.
    private static func inheritedDescriptor(_ path: String) -> Int32? {
        for hop in linkChain(path) {
            switch hop {
            case "/dev/stdout": return 1
            case "/dev/stderr": return 2
            default:
                for prefix in ["/dev/fd/", "/proc/self/fd/"] where hop.hasPrefix(prefix) {
                    return Int32(hop.dropFirst(prefix.count))
                }
            }
        }
        return nil
    }

    /// `path` and where its symbolic links lead, one hop at a time (at most 16).
    public static func linkChain(_ path: String) -> [String] {
        var chain = [path]
        while chain.count < 16, let current = chain.last {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { break }
            let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let directory = current.lastIndex(of: "/").map { String(current[...$0]) } ?? ""
            chain.append(target.hasPrefix("/") ? target : directory + target)
        }
        return chain
    }

    /// How `path` is written (see the type's comment).
    private static func plan(_ path: String, exists: Bool, info: stat) -> Plan {
        if leadsIntoDevices(path) { return .inPlace }
        guard exists else {
            var link = stat()
            return lstat(path, &link) == 0 ? .copy : .rename(path)
        }
        guard info.st_mode & S_IFMT == S_IFREG, access(path, W_OK) == 0, !isStandardStream(info) else {
            return .inPlace
        }
        guard info.st_nlink == 1, info.st_uid == geteuid(), let resolved = realpath(path, nil) else { return .copy }
        defer { free(resolved) }
        let bytes = UnsafeRawBufferPointer(start: resolved, count: strlen(resolved))
        guard let target = String(validating: bytes, as: UTF8.self) else { return .copy }
        // A file mounted on its own sits on another device than its directory.
        let directory = target.lastIndex(of: "/").map { target[..<$0].isEmpty ? "/" : String(target[..<$0]) } ?? "."
        var parent = stat()
        guard stat(directory, &parent) == 0, parent.st_dev == info.st_dev else { return .copy }
        return .rename(target)
    }

    /// Whether `path`, or a link on the way from it, names something under `/dev` or
    /// `/proc` (`/dev/stdout` is a link to the file a shell redirected to).
    private static func leadsIntoDevices(_ path: String) -> Bool {
        linkChain(path).contains { $0.hasPrefix("/dev/") || $0.hasPrefix("/proc/") }
    }

    /// Whether the file is what one of the process's standard streams is open on.
    private static func isStandardStream(_ info: stat) -> Bool {
        (0...2).contains { fd in
            var stream = stat()
            return fstat(Int32(fd), &stream) == 0 && stream.st_dev == info.st_dev && stream.st_ino == info.st_ino
        }
    }

    /// The process's umask, read once (setting it to read it is not thread-safe).
    private static let umaskValue: mode_t = {
        let mask = umask(0)
        umask(mask)
        return mask
    }()
}

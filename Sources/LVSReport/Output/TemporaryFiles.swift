import Glibc

/// The temporary files of `StagedFile`s not yet committed, removed when a signal ends the
/// process (SIGINT, SIGTERM, SIGHUP, SIGPIPE from a closed reader, SIGUSR1/2, SIGALRM),
/// which would otherwise leave `.NAME.lvscope-XXXXXX` files beside the outputs, before
/// the signal takes its default course. A signal the parent ignored (`nohup`, a script's
/// background job) stays ignored.
///
/// The handler may run at any point of the program: it only reads a fixed table of C
/// strings and calls `unlink` and `raise`, which are async-signal-safe. Slots are filled
/// and emptied by the one thread that opens and commits outputs.
public enum TemporaryFiles {
    private static let capacity = 16
    // Written only by the thread that stages outputs; read by the signal handler.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()

    /// Installs the handlers (once, before any output is staged). A command that handles
    /// SIGINT and SIGTERM itself (a live replay, which stops and commits) installs its
    /// own afterwards.
    public static func install() {
        _ = slots
        // A parent may have started us with them blocked (the mask survives exec).
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM] {
            let previous = Glibc.signal(signal) { received in
                TemporaryFiles.removeAll()
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
            if isIgnore(previous) {
                Glibc.signal(signal, SIG_IGN)
                continue
            }
            sigaddset(&set, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Whether a disposition `signal` returned is SIG_IGN (C function pointers do not
    /// compare in Swift: their addresses do).
    public static func isIgnore(_ handler: __sighandler_t?) -> Bool {
        unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    static func register(_ path: String) {
        for index in 0..<capacity where slots[index] == nil {
            slots[index] = strdup(path)
            return
        }
    }

    static func unregister(_ path: String) {
        for index in 0..<capacity {
            guard let slot = slots[index], String(cString: slot) == path else { continue }
            slots[index] = nil
            free(slot)
            return
        }
    }

    private static func removeAll() {
        for index in 0..<capacity {
            if let slot = slots[index] { unlink(slot) }
        }
    }
}

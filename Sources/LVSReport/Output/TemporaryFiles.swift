import Glibc

/// The temporary files of `StagedFile`s not yet committed, removed when SIGINT, SIGTERM
/// or SIGHUP ends the process (which would otherwise leave `.NAME.lvscope-XXXXXX` files
/// beside the outputs), before the signal takes its default course.
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
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Glibc.signal(signal) { received in
                TemporaryFiles.removeAll()
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
            sigaddset(&set, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
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

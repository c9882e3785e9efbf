import LVSReport
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// SIGINT, SIGTERM and SIGHUP end a live run cleanly (the summary is still printed and
/// the capture committed): the handler only sets a flag the forwarding loop polls.
enum StopSignal {
    private static let flag = Atomic<Bool>(false)

    static func install() {
        // A parent may have started us with these blocked (the mask survives exec). One it
        // ignored (`nohup`) stays ignored.
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            let previous = Glibc.signal(signal) { _ in StopSignal.flag.store(true, ordering: .relaxed) }
            if TemporaryFiles.isIgnore(previous) {
                Glibc.signal(signal, SIG_IGN)
                continue
            }
            sigaddset(&set, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static func requested() -> Bool {
        flag.load(ordering: .relaxed)
    }
}

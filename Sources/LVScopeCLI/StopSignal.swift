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
        signal(SIGINT) { _ in StopSignal.flag.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in StopSignal.flag.store(true, ordering: .relaxed) }
        signal(SIGHUP) { _ in StopSignal.flag.store(true, ordering: .relaxed) }
        // A parent may have started us with these blocked (the mask survives exec).
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGHUP)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static func requested() -> Bool {
        flag.load(ordering: .relaxed)
    }
}

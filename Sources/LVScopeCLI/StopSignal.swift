import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// SIGINT and SIGTERM end a live run cleanly (the summary is still printed): the handler
/// only sets a flag the forwarding loop polls.
enum StopSignal {
    private static let flag = Atomic<Bool>(false)

    static func install() {
        signal(SIGINT) { _ in StopSignal.flag.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in StopSignal.flag.store(true, ordering: .relaxed) }
        // A parent may have started us with these blocked (the mask survives exec).
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static func requested() -> Bool {
        flag.load(ordering: .relaxed)
    }
}

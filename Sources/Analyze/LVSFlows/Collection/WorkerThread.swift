import Glibc
import Synchronization

/// Tests set it to make `startThread` fail, to run the one-thread fallbacks.
enum ThreadCreation {
    static let refused = Atomic<Bool>(false)
}

/// Runs `body` on a new POSIX thread; nil when none could be created. The caller joins
/// it. (LVSFlows does without Foundation, hence no `Thread`.)
func startThread(_ body: @escaping @Sendable () -> Void) -> pthread_t? {
    final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    if ThreadCreation.refused.load(ordering: .relaxed) { return nil }
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    var thread = pthread_t()
    let status = pthread_create(&thread, nil, { raw in
        guard let raw else { return nil }
        Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().body()
        return nil
    }, context)
    guard status == 0 else {
        Unmanaged<Box>.fromOpaque(context).release()
        return nil
    }
    return thread
}

/// Runs `second` on a new thread while `first` runs on this one, and returns both results
/// (`second` runs after `first`, on this thread, when no thread can be started). Public
/// for the flow listing, which formats its lines the same way.
public func inParallel<A, B>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
    let result = ThreadResult<B>()
    guard let thread = startThread({ result.value = second() }) else { return (first(), second()) }
    let a = first()
    pthread_join(thread, nil)
    guard let b = result.value else { return (a, second()) }
    return (a, b)
}

/// A value one thread writes and another reads after joining it (the join orders the
/// accesses).
private final class ThreadResult<Value>: @unchecked Sendable {
    var value: Value?
}

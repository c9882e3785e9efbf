import Glibc

/// A first-in first-out handoff of batches between two threads. The side that finds it
/// empty sleeps on a condition variable instead of spinning: on a 2-core machine a
/// spinning waiter would take the core the other side needs.
final class BatchQueue: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let nonEmpty = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `mutex`; at most a handful of batches are ever in flight.
    private var items: [DecodedBatch] = []

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(nonEmpty, nil)
    }

    deinit {
        pthread_cond_destroy(nonEmpty)
        pthread_mutex_destroy(mutex)
        nonEmpty.deallocate()
        mutex.deallocate()
    }

    func put(_ batch: DecodedBatch) {
        pthread_mutex_lock(mutex)
        items.append(batch)
        pthread_cond_signal(nonEmpty)
        pthread_mutex_unlock(mutex)
    }

    /// The oldest batch, waiting for one if there is none.
    func take() -> DecodedBatch {
        pthread_mutex_lock(mutex)
        while items.isEmpty { pthread_cond_wait(nonEmpty, mutex) }
        let batch = items.removeFirst()
        pthread_mutex_unlock(mutex)
        return batch
    }
}

extension FlowTracker {
    /// Ends the flows idle past their timeout. Runs at most once per sweep interval of
    /// capture time, and only after enough packets (a sixteenth of the table) to pay
    /// for walking the table, so its cost per packet stays constant.
    func sweep(now: Int64) {
        let interval = configuration.sweepIntervalSeconds * 1_000_000_000
        // Readers keep capture times within ±2⁶² ns; a tracker fed any other Int64 time
        // (near the end of the range) saturates rather than traps.
        let first = nextSweepTime == .min
        nextSweepTime = now.clampedAdding(interval)
        guard !first else { return }
        guard packetsSinceSweep * 16 >= Int(table.highWater) else { return }
        packetsSinceSweep = 0
        stats.sweeps += 1
        table.forEachLiveSlot { slot in
            if isIdle(table.entry(slot), now: now) { end(slot, .idle) }
        }
    }

    /// Emits the flow in `slot` and frees its memory.
    func end(_ slot: UInt32, _ reason: FlowEnd) {
        let entry = table.entry(slot).pointee
        let record = makeRecord(entry, end: reason)
        extras.release(entry.extras)
        table.remove(slot)
        stats.flowsEmitted += 1
        emit(record)
    }
}

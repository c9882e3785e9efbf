extension FlowTracker {
    /// Makes the responder the originator: a pure SYN came from the side that had been
    /// taken for the responder (the capture began with its packets). Zeek marks such a
    /// flow with `^`; the letters recorded so far change case with the roles.
    func flipRoles(_ entry: UnsafeMutablePointer<FlowEntry>) {
        swap(&entry.pointee.orig, &entry.pointee.resp)
        entry.pointee.flags.formSymmetricDifference(.origIsA)
        entry.pointee.flags.insert(.flipped)
        entry.pointee.history = entry.pointee.history.swappingCase()
        addLetter(entry, UInt8(ascii: "^"), .orig)
        entry.pointee.legs = entry.pointee.legs.flipped()
        entry.pointee.copies = CopyRing()
        var fingerprint = FingerprintState()
        fingerprint.requestDigest = entry.pointee.fingerprint.responseDigest
        fingerprint.requestLength = entry.pointee.fingerprint.responseLength
        fingerprint.responseDigest = entry.pointee.fingerprint.requestDigest
        fingerprint.responseLength = entry.pointee.fingerprint.requestLength
        entry.pointee.fingerprint = fingerprint
        if entry.pointee.extras != 0 { extras[entry.pointee.extras].flip() }
    }
}

/// One word of an ipvsadm command line, with where it starts.
struct IpvsadmToken: Hashable, Sendable {
    var text: String
    var location: ConfigLocation
}

/// The words of one ipvsadm command (a physical line, or several joined by `\`).
struct IpvsadmLine: Sendable {
    var tokens: [IpvsadmToken]
    /// Where the line starts, for problems that concern the whole line.
    var location: ConfigLocation
}

/// The command of one ipvsadm line (`-A`, `-a`, ...): what the line does to the table.
enum IpvsadmCommandKind: Hashable, Sendable {
    case addService, editService, deleteService, clear
    case addServer, editServer, deleteServer
    case addLocalAddress, deleteLocalAddress
    case setTimeouts, startDaemon, stopDaemon, zero
    /// DPVS black and white lists (`-U -V -B -O -Y -W`): accepted, not modelled.
    case accessList
    /// Commands that read rather than configure (`-L`, `-S`, `-R`, `-G`, `-h`, `-v`).
    case query

    /// Commands whose `-b` is DPVS's `--fullnat` rather than upstream's `--sched-flags`.
    var isServerCommand: Bool {
        self == .addServer || self == .editServer || self == .deleteServer
    }
}

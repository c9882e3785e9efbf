// LVSForwarding: the LVS rewriting core (see ../shared/DESIGN.md §1).
//
// Director/      `Director` (the public entry point: `process`, `advance`, configuration
//                changes), its topology and settings, and one extension per kernel path:
//                dispatch by hook, requests (`ip_vs_in_hook`), scheduling and templates,
//                replies (`handle_response`), ICMP errors, tunnel ICMP, timers.
// Schedulers/    one IPVS scheduler per file behind `SchedulerState` (enum dispatch).
// Connections/   the connection table, its expiry heap, the TCP state tables.
// Transmitters/  NAT, DR, TUN, FULL-NAT rewrites, ICMP error building and translation,
//                checksum updates, IPv4 fragmentation.
// FullNAT/       local ports and the ISN stand-in.
// Emission/      what `process` returns: `Emissions` of `Emission`s with `Verdict`s.

/// keepalived keywords lvscope knows but does not model (acassen/keepalived
/// check_parser.c, global_parser.c, vrrp_parser.c, and the DPVS fork's additions).
/// Unknown keywords are reported as warnings; these are accepted silently.
enum KeepalivedKeywords {
    /// Top-level blocks and statements outside the LVS part.
    static let otherTopLevel: Set<String> = [
        "global_defs", "vrrp_instance", "vrrp_sync_group", "vrrp_script", "vrrp_track_process",
        "vrrp_track_file", "track_file", "static_ipaddress", "static_routes", "static_rules",
        "linkbeat_interfaces", "garp_group", "SSL", "bfd_instance", "net_namespace",
        "net_namespace_ipvs", "instance", "use_pid_dir", "child_wait_time", "tunnel_group",
        "deny_address_group", "lvs_sync_daemon", "lvs_sync_daemon_interface",
    ]

    /// virtual_server settings for health checking, notification and DPVS extras.
    static let unmodelledVirtualServer: Set<String> = [
        "delay_loop", "quorum", "hysteresis", "alpha", "omega", "quorum_up", "quorum_down",
        "ha_suspend", "virtualhost", "retry", "delay_before_retry", "warmup", "connect_timeout",
        "smtp_alert", "snmp_name", "weight", "hashed", "nat_mask", "nb_get_retry",
        "establish_timeout", "vip_bind_dev", "daddr_group_name", "bps", "limit_proportion",
        "hash_target", "src-range", "dst-range", "oif", "iif",
    ]

    /// real_server settings that only concern checking and notification.
    static let unmodelledRealServer: Set<String> = [
        "notify_up", "notify_down", "alpha", "retry", "delay_before_retry", "warmup",
        "connect_timeout", "delay_loop", "smtp_alert", "virtualhost", "snmp_name", "nb_get_retry",
    ]

    /// Health-checker blocks inside real_server, skipped whole.
    static let checkers: Set<String> = [
        "TCP_CHECK", "HTTP_GET", "SSL_GET", "SMTP_CHECK", "DNS_CHECK", "MISC_CHECK", "UDP_CHECK",
        "PING_CHECK", "FILE_CHECK", "BFD_CHECK",
    ]

    /// Scheduler-flag keywords of virtual_server.
    static let schedulerFlags: Set<String> = [
        "flag-1", "flag-2", "flag-3", "sh-port", "sh-fallback", "mh-port", "mh-fallback",
    ]

    /// Spellings people guess for the tunnel options, with what keepalived wants instead.
    static let tunnelHints: [String: String] = [
        "tun_type": "write `lvs_method TUN type ipip|gue|gre`",
        "tun_port": "write `lvs_method TUN type gue port N`",
        "tun_flags": "write `lvs_method TUN type gue port N nocsum|csum|remcsum`",
    ]
}

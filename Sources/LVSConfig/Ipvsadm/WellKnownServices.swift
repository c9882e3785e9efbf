/// Service names that `ipvsadm-save` without `-n` prints instead of port numbers
/// (`getservbyport` against /etc/services). Only names whose TCP and UDP numbers agree
/// in IANA's registry are listed, so the protocol does not matter.
enum WellKnownServices {
    static let ports: [String: UInt16] = [
        "ftp-data": 20, "ftp": 21, "ssh": 22, "telnet": 23, "smtp": 25, "domain": 53,
        "tftp": 69, "gopher": 70, "finger": 79, "http": 80, "www": 80, "kerberos": 88,
        "pop3": 110, "sunrpc": 111, "auth": 113, "ntp": 123, "imap": 143, "imap2": 143,
        "snmp": 161, "bgp": 179, "ldap": 389, "https": 443, "microsoft-ds": 445,
        "submissions": 465, "syslog": 514, "submission": 587, "ldaps": 636, "rsync": 873,
        "imaps": 993, "pop3s": 995, "openvpn": 1194, "ms-sql-s": 1433, "radius": 1812,
        "nfs": 2049, "mysql": 3306, "sip": 5060, "sip-tls": 5061, "postgresql": 5432,
        "http-alt": 8080, "webcache": 8080,
    ]

    static func port(named name: String) -> UInt16? { ports[name] }
}

"""Packet facts extracted from a capture with tshark (lab helper, stdlib only).

One Packet per frame, holding the outer IP header and its transport header;
for ICMP errors the quoted (inner) header is kept apart so it is never
mistaken for a flow of its own.
"""

import ipaddress
import subprocess

FIELDS = [
    "frame.number", "frame.time_epoch", "frame.protocols",
    "eth.src", "eth.dst", "sll.pkttype", "sll.ifindex", "sll.src.eth",
    "arp.opcode", "arp.src.hw_mac", "arp.src.proto_ipv4", "arp.dst.proto_ipv4",
    "ip.src", "ip.dst", "ip.ttl", "ip.id", "ip.checksum.status",
    "ipv6.src", "ipv6.dst", "ipv6.hlim",
    "tcp.srcport", "tcp.dstport", "tcp.flags", "tcp.seq_raw", "tcp.ack_raw", "tcp.len",
    "tcp.option_kind", "tcp.options.mss_val", "tcp.checksum", "tcp.checksum.status",
    "udp.srcport", "udp.dstport", "udp.length", "udp.checksum.status",
    "icmp.type", "icmp.code", "icmpv6.type", "icmpv6.code",
    "icmpv6.nd.na.target_address", "icmpv6.nd.ns.target_address", "icmpv6.opt.linkaddr",
]

SYN, RST, ACK, FIN = 0x02, 0x04, 0x10, 0x01
SLL_OUTGOING = 4


def _ints(values):
    out = []
    for v in values:
        try:
            out.append(int(v, 0))
        except ValueError:
            pass
    return out


class Packet:
    __slots__ = ("n", "t", "protos", "l3", "l4", "esrc", "edst", "pkttype", "ifindex",
                 "arp_op", "arp_smac", "arp_sip", "arp_tip", "src", "dst", "ttl", "ipid",
                 "inner_src", "inner_dst", "sport", "dport", "inner_sport", "inner_dport",
                 "flags", "seq", "ack", "tlen", "optkinds", "mss", "icmp_type", "icmp_code",
                 "nd_target", "lladdr", "bad_checksum")

    def __init__(self, f):
        self.n = int(f["frame.number"][0])
        self.t = float(f["frame.time_epoch"][0])
        self.protos = f["frame.protocols"][0].split(":") if f["frame.protocols"] else []
        self.esrc = (f["eth.src"] or f["sll.src.eth"] or [None])[0]
        self.edst = (f["eth.dst"] or [None])[0]
        self.pkttype = _ints(f["sll.pkttype"])[0] if f["sll.pkttype"] else None
        self.ifindex = _ints(f["sll.ifindex"])[0] if f["sll.ifindex"] else None
        self.arp_op = _ints(f["arp.opcode"])[0] if f["arp.opcode"] else None
        self.arp_smac = (f["arp.src.hw_mac"] or [None])[0]
        self.arp_sip = (f["arp.src.proto_ipv4"] or [None])[0]
        self.arp_tip = (f["arp.dst.proto_ipv4"] or [None])[0]
        self.l3, self.l4 = self._layers()
        srcs = f["ip.src"] if self.l3 == "ip" else f["ipv6.src"]
        dsts = f["ip.dst"] if self.l3 == "ip" else f["ipv6.dst"]
        self.src = srcs[0] if srcs else None
        self.dst = dsts[0] if dsts else None
        self.inner_src = srcs[1] if len(srcs) > 1 else None
        self.inner_dst = dsts[1] if len(dsts) > 1 else None
        ttl = f["ip.ttl"] if self.l3 == "ip" else f["ipv6.hlim"]
        self.ttl = int(ttl[0]) if ttl else None
        self.ipid = _ints(f["ip.id"])[0] if self.l3 == "ip" and f["ip.id"] else None
        self.sport = self.dport = self.inner_sport = self.inner_dport = None
        self.flags = self.seq = self.ack = self.tlen = self.mss = None
        self.icmp_type = self.icmp_code = None
        self.optkinds = []
        self.bad_checksum = False
        if self.l3 == "ip" and f["ip.checksum.status"][:1] == ["0"]:
            self.bad_checksum = True
        if self.l4 in ("tcp", "udp"):
            pre = self.l4
            self.sport = int(f[pre + ".srcport"][0])
            self.dport = int(f[pre + ".dstport"][0])
            # Linux writes 0xffff when a software TCP checksum folds to zero
            # (skb_checksum_help, CSUM_MANGLED_0); Wireshark calls that bad,
            # but in ones' complement it is the same value as 0x0000.
            ffff = pre == "tcp" and f["tcp.checksum"][:1] == ["0xffff"]
            if f[pre + ".checksum.status"][:1] == ["0"] and not ffff:
                self.bad_checksum = True
        if self.l4 == "tcp":
            self.flags = int(f["tcp.flags"][0], 16)
            self.seq = int(f["tcp.seq_raw"][0])
            self.ack = int(f["tcp.ack_raw"][0])
            self.tlen = int(f["tcp.len"][0])
            self.optkinds = _ints(f["tcp.option_kind"])
            self.mss = _ints(f["tcp.options.mss_val"])[0] if f["tcp.options.mss_val"] else None
        elif self.l4 in ("icmp", "icmpv6"):
            self.icmp_type = _ints(f[self.l4 + ".type"])[0]
            self.icmp_code = _ints(f[self.l4 + ".code"])[0]
            for pre in ("tcp", "udp"):
                if f[pre + ".srcport"]:
                    self.inner_sport = int(f[pre + ".srcport"][0])
                    self.inner_dport = int(f[pre + ".dstport"][0])
        target = f["icmpv6.nd.na.target_address"] or f["icmpv6.nd.ns.target_address"]
        self.nd_target = target[0] if target else None
        self.lladdr = (f["icmpv6.opt.linkaddr"] or [None])[0]

    def _layers(self):
        for i, p in enumerate(self.protos):
            if p in ("ip", "ipv6"):
                nxt = self.protos[i + 1] if i + 1 < len(self.protos) else None
                return p, nxt
            if p == "arp":
                return "arp", None
        return None, None

    @property
    def is_syn(self):
        return self.l4 == "tcp" and self.flags & (SYN | ACK) == SYN

    @property
    def is_synack(self):
        return self.l4 == "tcp" and self.flags & (SYN | ACK) == SYN | ACK

    @property
    def is_rst(self):
        return self.l4 == "tcp" and bool(self.flags & RST)

    @property
    def outgoing(self):
        return self.pkttype == SLL_OUTGOING

    def endpoints(self):
        return frozenset([(self.src, self.sport), (self.dst, self.dport)])


def load(path):
    cmd = ["tshark", "-n", "-r", str(path),
           "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
           "-o", "udp.check_checksum:TRUE", "-o", "tcp.relative_sequence_numbers:FALSE",
           "-T", "fields", "-E", "separator=/t", "-E", "aggregator=,", "-E", "occurrence=a"]
    for name in FIELDS:
        cmd += ["-e", name]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    packets = []
    for line in res.stdout.splitlines():
        cols = line.split("\t")
        cols += [""] * (len(FIELDS) - len(cols))
        f = {name: (col.split(",") if col else []) for name, col in zip(FIELDS, cols)}
        packets.append(Packet(f))
    return packets


def addr_key(a):
    ip = ipaddress.ip_address(a)
    return (ip.version, int(ip))


def canon(a):
    return str(ipaddress.ip_address(a))

#!/usr/bin/env python3
"""Check that a lab scenario's captures show the wire signature it claims.

verify.py CAPTURE_DIR    reads CAPTURE_DIR/scenario.json and the pcaps next to it;
                         exits 1 listing every failed check.

The checks are the claims written in the `shows` strings of scenario.json.
"""

import ipaddress
import json
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcapfacts as pf  # noqa: E402

DOC_NETS = [ipaddress.ip_network(n) for n in (
    "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32",
    "fe80::/10", "ff02::/16", "::/128")]


class Scenario:
    def __init__(self, d):
        self.dir = d
        with open(os.path.join(d, "scenario.json")) as f:
            self.doc = json.load(f)
        self.name = self.doc["scenario"]
        self._pk = {}
        self.failures = []
        self.passed = 0

    def p(self, file):
        if file not in self._pk:
            self._pk[file] = pf.load(os.path.join(self.dir, file))
        return self._pk[file]

    def host(self, name):
        return next(h for h in self.doc["hosts"] if h["name"] == name)

    def iface(self, host, ifc="eth0"):
        return next(i for i in self.host(host)["interfaces"] if i["name"] == ifc)

    def mac(self, host, ifc="eth0"):
        return self.iface(host, ifc)["mac"]

    def ip(self, host, ifc="eth0"):
        return pf.canon(self.iface(host, ifc)["addresses"][0].split("/")[0])

    def ifindex(self, host, ifc):
        return self.iface(host, ifc)["ifindex"]

    def svc(self, i=0):
        return self.doc["services"][i]

    def rip(self, host):
        for s in self.doc["services"]:
            for r in s["realServers"]:
                if r["host"] == host:
                    return pf.canon(r["address"])
        raise KeyError(host)

    def outcome(self, target=None):
        total = Counter()
        for c in self.doc["outcome"]["clients"]:
            if target is None or c["target"] == target:
                total.update({"tcp." + k: v for k, v in c["tcp"].items()})
                total.update({"udp." + k: v for k, v in c["udp"].items()})
        return total

    def check(self, cond, what):
        if cond:
            self.passed += 1
        else:
            self.failures.append(what)


# ------------------------------------------------------------------ helpers

def l4(pkts, proto=None):
    return [p for p in pkts if p.l4 in (("tcp", "udp") if proto is None else (proto,))]


def between(pkts, a, b):
    return [p for p in pkts if {p.src, p.dst} == {a, b}]


def synacks_from(pkts, addr):
    return {(p.dst, p.dport) for p in pkts if p.is_synack and p.src == addr}


def syn_by_seq(pkts):
    return {p.seq: p for p in pkts if p.is_syn}


def retransmitted_syns(pkts):
    c = Counter((p.src, p.sport, p.seq) for p in pkts if p.is_syn)
    return [k for k, n in c.items() if n > 1]


def requests(pkts, proto, dst, dport):
    return [p for p in pkts if p.l4 == proto and p.dst == dst and p.dport == dport]


# ------------------------------------------------------------------ generic checks

def offloaded_hosts(s):
    """Hosts whose capture is declared an offload artifact (capture-quality)."""
    subjects = {m["subject"] for m in s.doc["misconfigurations"] if m["category"] == "capture-quality"}
    return {h["name"] for h in s.doc["hosts"]
            if any(a.split("/")[0] in subjects for i in h["interfaces"] for a in i["addresses"])}


def generic(s):
    skip = offloaded_hosts(s)
    for cap in s.doc["captures"]:
        pkts = s.p(cap["file"])
        bad = [p.n for p in pkts if p.bad_checksum]
        s.check(not bad or cap["host"] in skip, "%s: bad checksums in frames %s" % (cap["file"], bad[:5]))
        foreign = set()
        for p in pkts:
            for a in (p.src, p.dst):
                if a and not any(ipaddress.ip_address(a) in n for n in DOC_NETS):
                    foreign.add(a)
        s.check(not foreign, "%s: addresses outside the documentation ranges: %s" % (cap["file"], sorted(foreign)))
        s.check(len(pkts) > 0, "%s: empty capture" % cap["file"])


def pings_answered(s):
    for p in s.doc["outcome"]["pings"]:
        s.check(p["received"] == 3, "ping %s: %d of 3 answered" % (p["target"], p["received"]))


def all_ok(s, target=None):
    o = s.outcome(target)
    bad = {k: v for k, v in o.items() if not k.endswith(".ok")}
    s.check(not bad, "client outcome not all ok: %s" % dict(o))


def split_half(s, a, b, what):
    s.check(a > 0 and a == b, "%s: round robin should split evenly, got %d / %d" % (what, a, b))


# ------------------------------------------------------------------ NAT family

def nat_like(s, proto, fullnat=False, rs=("rs1", "rs2"), client="client1", svc=0):
    v = s.svc(svc)
    vip, vport = pf.canon(v["vip"]), v["port"]
    rport = v["realServers"][0]["port"]
    cip = s.ip(client)
    lip = pf.canon(v["localAddresses"][0]) if fullnat else None
    dmac1 = s.mac("director", "eth1")
    rips = [s.rip(h) for h in rs]
    c = l4(s.p("client.pcap"), proto)
    s.check(c and all({p.src, p.dst} == {cip, vip} for p in c),
            "client: %s packets other than CIP<->VIP" % proto)
    s.check(_expect(s, "client.pcap")["vipARPRepliesFrom"] == [s.mac("director", "eth0")],
            "client: VIP resolution not answered by the director's eth0 alone")
    e0 = l4(s.p("director-eth0.pcap"), proto)
    s.check(e0 and all({p.src, p.dst} == {cip, vip} for p in e0), "director-eth0: packets other than CIP<->VIP")
    e1 = l4(s.p("director-eth1.pcap"), proto)
    s.check(all(vip not in (p.src, p.dst) for p in e1), "director-eth1: VIP seen on the RS side")
    if fullnat:
        s.check(all(cip not in (p.src, p.dst) for p in e1), "director-eth1: client address leaked to RS side")
        s.check(all({p.src, p.dst} <= set(rips) | {lip} for p in e1), "director-eth1: packets not LIP<->RIP")
    else:
        s.check(all({p.src, p.dst} <= set(rips) | {cip} for p in e1), "director-eth1: packets not CIP<->RIP")
    s.check(all((p.dport if p.dst in rips else p.sport) == rport for p in e1),
            "director-eth1: real-server port is not %d" % rport)
    s.check(all((p.sport if p.src == vip else p.dport) == vport for p in c),
            "client: VIP port is not %d" % vport)
    ttl_one_lower(s, "director-eth0.pcap", "director-eth1.pcap", proto, cip, vip)
    for h in rs:
        pk = l4(s.p(h + ".pcap"), proto)
        out = [p for p in pk if p.src == s.rip(h)]
        s.check(out and all(p.edst == dmac1 for p in out), "%s: replies not sent to the director's eth1 MAC" % h)
        s.check(all(p.esrc == dmac1 for p in pk if p.dst == s.rip(h)), "%s: requests not from the director" % h)
        if fullnat:
            s.check(all(cip not in (p.src, p.dst) for p in pk), "%s: client address visible" % h)
    if proto == "tcp":
        n = [len([p for p in s.p(h + ".pcap") if p.is_syn]) for h in rs]
        split_half(s, n[0], n[1], "SYNs at %s/%s" % rs)
        any_in_out(s, cip, vip)
    else:
        n = [len([p for p in l4(s.p(h + ".pcap"), "udp") if p.dst == s.rip(h)]) for h in rs]
        split_half(s, n[0], n[1], "datagrams at %s/%s" % rs)
    if fullnat and proto == "tcp":
        fullnat_tcp(s, cip, vip, lip)


def ttl_one_lower(s, before, after, proto, cip, vip):
    """Requests leave the director with TTL/hop limit one lower than they came in."""
    key = (lambda p: p.seq) if proto == "tcp" else (lambda p: p.ipid)
    inn = {key(p): p.ttl for p in l4(s.p(before), proto) if p.src == cip and p.dst == vip and (proto != "tcp" or p.is_syn)}
    out = [p for p in l4(s.p(after), proto) if p.src != vip and p.dst != cip and (proto != "tcp" or p.is_syn)]
    matched = [p for p in out if key(p) in inn]
    s.check(matched and all(p.ttl == inn[key(p)] - 1 for p in matched),
            "%s -> %s: forwarded requests do not have TTL-1 (%d matched)" % (before, after, len(matched)))


def any_in_out(s, cip, vip):
    """In the SLL2 capture each client SYN is seen inbound on eth0, then outbound on eth1."""
    i0, i1 = s.ifindex("director", "eth0"), s.ifindex("director", "eth1")
    pk = s.p("director-any.pcap")
    ins = {p.seq for p in pk if p.is_syn and p.ifindex == i0 and not p.outgoing and p.dst == vip}
    outs = {p.seq for p in pk if p.is_syn and p.ifindex == i1 and p.outgoing}
    s.check(ins and ins <= outs, "director-any: %d inbound SYNs on eth0 not all outbound on eth1" % len(ins))


def fullnat_tcp(s, cip, vip, lip):
    e0 = syn_by_seq(s.p("director-eth0.pcap"))
    e1 = syn_by_seq(s.p("director-eth1.pcap"))
    s.check(all(8 in p.optkinds for p in e0.values()), "director-eth0: client SYNs lack timestamps")
    s.check(e1 and all(8 not in p.optkinds and 1 in p.optkinds for p in e1.values()),
            "director-eth1: SYN timestamp option not NOP-filled")
    s.check(all(254 not in p.optkinds and 253 not in p.optkinds for p in l4(s.p("director-eth1.pcap"), "tcp")),
            "director-eth1: a TOA option is present")
    same = [q for q, p in e1.items() if q in e0 and e0[q].sport == p.sport]
    s.check(len(same) < len(e1) / 2, "director-eth1: LIP source ports mostly equal the client's")
    mss = 1452 if ":" not in vip else 1420
    sa = [p for p in s.p("client.pcap") if p.is_synack]
    s.check(sa and all(p.mss == mss for p in sa), "client: SYN-ACK MSS is not %d" % mss)


# ------------------------------------------------------------------ DR family

def dr_like(s, proto, rs=("rs1", "rs2"), svc=0, client="client1"):
    v = s.svc(svc)
    vip, vport = pf.canon(v["vip"]), v["port"]
    cip = s.ip(client)
    dmac, rtmac = s.mac("director"), s.mac("router", "eth1")
    rsmacs = {s.mac(h) for h in rs}
    seg = l4(s.p("segment.pcap"), proto)
    first = (lambda p: p.is_syn) if proto == "tcp" else (lambda p: True)
    key = (lambda p: p.seq) if proto == "tcp" else (lambda p: p.ipid)
    to_dir = {key(p): p for p in seg if first(p) and p.dst == vip and p.dport == vport
              and p.esrc == rtmac and p.edst == dmac}
    to_rs = [p for p in seg if first(p) and p.dst == vip and p.dport == vport and p.esrc == dmac and p.edst in rsmacs]
    twice = [p for p in to_rs if key(p) in to_dir and p.src == to_dir[key(p)].src
             and p.sport == to_dir[key(p)].sport and p.ttl == to_dir[key(p)].ttl - 1]
    s.check(to_dir and len(twice) == len(to_dir),
            "segment: %d of %d requests seen again director->RS with same IP/ports and TTL-1"
            % (len(twice), len(to_dir)))
    s.check(not [p for p in seg if p.esrc == dmac and p.src == vip],
            "segment: the director sent %s from the VIP (replies must bypass it)" % proto)
    replies = [p for p in seg if p.src == vip and p.dst == cip]
    s.check(replies and all(p.esrc in rsmacs and p.edst == rtmac for p in replies),
            "segment: replies not RS MAC -> router MAC")
    s.check(_expect(s, "router.pcap")["vipARPRepliesFrom"] in ([dmac], []),
            "router: someone else than the director answered for the VIP")
    for h in rs:
        pk = l4(s.p(h + ".pcap"), proto)
        req = [p for p in pk if p.dst == vip]
        s.check(req and all(p.esrc == dmac for p in req), "%s: requests not from the director's MAC" % h)
        rep = [p for p in pk if p.src == vip]
        s.check(all(p.edst == rtmac for p in rep), "%s: replies not to the router" % h)
    n = [len([p for p in l4(s.p(h + ".pcap"), proto) if p.dst == vip and first(p)]) for h in rs]
    split_half(s, n[0], n[1], "requests at %s/%s" % rs)
    i0 = s.ifindex("director", "eth0")
    anyp = l4(s.p("director-any.pcap"), proto)
    ins = {key(p) for p in anyp if first(p) and p.ifindex == i0 and not p.outgoing and p.dst == vip}
    outs = {key(p) for p in anyp if first(p) and p.ifindex == i0 and p.outgoing and p.dst == vip}
    s.check(ins and ins <= outs, "director-any: inbound requests not all sent out again")


def _expect(s, file):
    return next(c["expect"] for c in s.doc["captures"] if c["file"] == file)


# ------------------------------------------------------------------ scenarios

def healthy_nat(s):
    nat_like(s, "tcp"); all_ok(s); pings_answered(s)


def healthy_fullnat(s):
    nat_like(s, "tcp", fullnat=True); all_ok(s); pings_answered(s)


def healthy_dr(s):
    dr_like(s, "tcp"); all_ok(s); pings_answered(s)
    s.check(_expect(s, "router.pcap")["vipARPRepliesFrom"] == [s.mac("director")],
            "router: VIP resolution not answered by the director alone")


def nat_udp(s):
    nat_like(s, "udp"); all_ok(s)


def fullnat_udp(s):
    nat_like(s, "udp", fullnat=True); all_ok(s)


def dr_udp(s):
    dr_like(s, "udp"); all_ok(s)


def nat_port_map(s):
    nat_like(s, "tcp"); all_ok(s)
    s.check(all(8080 in (p.sport, p.dport) for p in l4(s.p("rs1.pcap"), "tcp")), "rs1: not port 8080")


def two_vips_mixed(s):
    all_ok(s)
    vip1, vip2 = pf.canon(s.svc(0)["vip"]), pf.canon(s.svc(1)["vip"])
    cip = s.ip("client1")
    for vip in (vip1, vip2):
        s.check(len(synacks_from(s.p("client.pcap"), vip)) == 12, "client: not 12 connections answered by %s" % vip)
    dr_like(s, "tcp", rs=("rs3", "rs4"), svc=1)
    s.check(_expect(s, "router.pcap")["vipARPRepliesFrom"] == [s.mac("director")],
            "router: the VIPs are not resolved to the director alone")
    seg = l4(s.p("segment.pcap"), "tcp")
    dmac, rtmac = s.mac("director"), s.mac("router", "eth1")
    v1 = [p for p in seg if vip1 in (p.src, p.dst)]
    s.check(v1 and all({p.esrc, p.edst} == {dmac, rtmac} for p in v1), "segment: VIP1 traffic not router<->director only")
    e1 = l4(s.p("director-eth1.pcap"), "tcp")
    rips = {s.rip("rs1"), s.rip("rs2")}
    s.check(e1 and all({p.src, p.dst} <= rips | {cip} for p in e1), "director-eth1: not CIP<->RIP1/2 only")
    n = [len([p for p in s.p(h + ".pcap") if p.is_syn]) for h in ("rs1", "rs2")]
    split_half(s, n[0], n[1], "NAT SYNs at rs1/rs2")


def nat_wrong_gateway(s):
    vip, cip, rip2 = pf.canon(s.svc()["vip"]), s.ip("client1"), s.rip("rs2")
    c = s.p("client.pcap")
    bad = [p for p in c if p.is_synack and p.src == rip2]
    s.check(bad and all(p.esrc == s.mac("router2", "eth1") for p in bad),
            "client: no SYN-ACKs from RIP2 via router2")
    rst = {(p.sport, p.seq) for p in c if p.is_rst and p.src == cip and p.dst == rip2}
    s.check(rst and all((p.dport, p.ack) in rst for p in bad), "client: SYN-ACKs from RIP2 not all answered by RST")
    s.check(len(synacks_from(c, vip)) == 10, "client: expected 10 connections answered by the VIP")
    s.check(retransmitted_syns(c), "client: no SYN retransmissions to the VIP")
    s.check(not [p for p in s.p("director-eth1.pcap") if p.is_synack and p.src == rip2],
            "director-eth1: a SYN-ACK from RIP2 came back through the director")
    sa = [p for p in s.p("rs2.pcap") if p.is_synack]
    s.check(sa and all(p.edst == s.mac("router2") for p in sa), "rs2: SYN-ACKs not sent to router2")
    r2 = l4(s.p("router2.pcap"))
    s.check(r2 and all(p.is_synack and p.src == rip2 and p.dst == cip for p in r2),
            "router2: carries something other than rs2's SYN-ACKs")
    o = s.outcome()
    s.check(o["tcp.ok"] == 10 and o["tcp.ok"] + o["tcp.timeout"] == 20, "outcome: %s" % dict(o))


def nat_rs_down(s):
    vip, cip, rip2 = pf.canon(s.svc()["vip"]), s.ip("client1"), s.rip("rs2")
    c = s.p("client.pcap")
    rst = [p for p in c if p.is_rst and p.src == vip and p.sport == 80]
    s.check(len({p.dport for p in rst}) == 10, "client: expected RSTs from VIP:80 for 10 connections")
    icmp = [p for p in c if p.l4 == "icmp" and p.icmp_type == 3 and p.icmp_code == 3]
    s.check(len(icmp) == 5 and all(p.src == vip and p.inner_dst == vip and p.inner_src == cip for p in icmp),
            "client: expected 5 port unreachables from the VIP quoting CIP->VIP")
    r2 = s.p("rs2.pcap")
    s.check(len([p for p in r2 if p.is_rst and p.src == rip2]) == 10, "rs2: expected 10 RSTs")
    s.check(len([p for p in r2 if p.l4 == "icmp" and p.src == rip2]) == 5, "rs2: expected 5 ICMP errors")
    anyp = s.p("director-any.pcap")
    i0, i1 = s.ifindex("director", "eth0"), s.ifindex("director", "eth1")
    for what, sel in (("RST", lambda p: p.is_rst), ("ICMP", lambda p: p.l4 == "icmp" and p.icmp_type == 3)):
        n_in = len([p for p in anyp if sel(p) and p.src == rip2 and p.ifindex == i1 and not p.outgoing])
        n_out = len([p for p in anyp if sel(p) and p.src == vip and p.ifindex == i0 and p.outgoing])
        s.check(n_in > 0 and n_in == n_out, "director-any: %s in from RIP2 %d, out from VIP %d" % (what, n_in, n_out))
    o = s.outcome()
    s.check(o["tcp.ok"] == 10 and o["tcp.refused"] == 10 and o["udp.ok"] == 5 and o["udp.refused"] == 5,
            "outcome: %s" % dict(o))


def nat_rs_blackhole(s):
    vip, rip2 = pf.canon(s.svc()["vip"]), s.rip("rs2")
    c = s.p("client.pcap")
    s.check(len(synacks_from(c, vip)) == 10, "client: expected 10 answered connections")
    s.check(len(retransmitted_syns(c)) == 10, "client: expected 10 connections with a retransmitted SYN")
    r2 = s.p("rs2.pcap")
    s.check(len([p for p in r2 if p.is_syn]) >= 20, "rs2: SYNs and retransmissions expected")
    s.check(not l4([p for p in r2 if p.src == rip2]), "rs2: sent TCP/UDP although it drops the service")
    o = s.outcome()
    s.check(o["tcp.ok"] == 10 and o["tcp.timeout"] == 10, "outcome: %s" % dict(o))


def nat_client_on_rs_subnet(s):
    vip = pf.canon(s.svc()["vip"])
    c2ip = s.ip("client2")
    c2 = s.p("client2.pcap")
    rips = {s.rip("rs1"), s.rip("rs2")}
    bad = [p for p in c2 if p.is_synack]
    s.check(bad and all(p.src in rips and p.esrc in {s.mac("rs1"), s.mac("rs2")} for p in bad),
            "client2: SYN-ACKs not straight from the real servers")
    s.check({p.src for p in bad} == rips, "client2: not both real servers answered directly")
    rst = {(p.dst, p.sport) for p in c2 if p.is_rst and p.src == c2ip}
    s.check(all((p.src, p.dport) in rst for p in bad), "client2: direct SYN-ACKs not all reset")
    s.check(not synacks_from(c2, vip), "client2: a SYN-ACK came from the VIP")
    s.check(len(synacks_from(s.p("client.pcap"), vip)) == 12, "client1: expected 12 answered connections")
    e1 = s.p("director-eth1.pcap")
    syn_vip = {(p.sport, p.seq) for p in e1 if p.is_syn and p.src == c2ip and p.dst == vip}
    syn_rip = {(p.sport, p.seq) for p in e1 if p.is_syn and p.src == c2ip and p.dst in rips}
    s.check(syn_vip and syn_vip == syn_rip, "director-eth1: client2's SYNs not seen to the VIP and again to a RIP")
    s.check(not [p for p in e1 if p.is_synack and p.dst == c2ip], "director-eth1: an RS SYN-ACK to client2 reached the director")
    o1 = s.doc["outcome"]["clients"]
    s.check(o1[0]["tcp"] == {"ok": 12} and o1[1]["tcp"].get("ok", 0) == 0, "outcome: %s" % o1)


def dr_gateway_is_director(s):
    vip, dmac, r2mac = pf.canon(s.svc()["vip"]), s.mac("director"), s.mac("rs2")
    seg = s.p("segment.pcap")
    sa = [p for p in seg if p.is_synack and p.esrc == r2mac]
    s.check(sa and all(p.src == vip and p.edst == dmac for p in sa), "segment: rs2's SYN-ACKs not VIP-sourced to the director")
    s.check(not [p for p in s.p("router.pcap") if p.l4 == "tcp" and p.esrc == r2mac], "router: saw TCP from rs2")
    anyp = s.p("director-any.pcap")
    ins = {(p.dport, p.seq) for p in anyp if p.is_synack and p.src == vip and not p.outgoing}
    outs = {(p.dport, p.seq) for p in anyp if p.is_synack and p.outgoing}
    s.check(ins and not (ins & outs), "director-any: rs2's replies were forwarded (or never arrived)")
    o = s.outcome()
    s.check(o["tcp.ok"] == 10 and o["tcp.timeout"] == 10, "outcome: %s" % dict(o))


def dr_arp_leak(s):
    vip = pf.canon(s.svc()["vip"])
    dmac, r2mac, rtmac = s.mac("director"), s.mac("rs2"), s.mac("router", "eth1")
    e = _expect(s, "segment.pcap")
    s.check(e["vipARPRepliesFrom"] == sorted([dmac, r2mac]), "segment: ARP replies for the VIP not from director and rs2")
    s.check(r2mac in e["vipARPRequestsFrom"], "segment: rs2 never used the VIP as ARP sender")
    seg = l4(s.p("segment.pcap"), "tcp")
    bypass = [p for p in seg if p.dst == vip and p.esrc == rtmac and p.edst == r2mac]
    s.check(bypass, "segment: no client->VIP frame went from the router straight to rs2")
    direct = [p for p in seg if p.dst == vip and p.esrc == rtmac and p.edst == dmac]
    s.check(direct, "segment: no client->VIP frame went to the director")
    all_ok(s)


def dr_missing_vip(s):
    vip, rip2 = pf.canon(s.svc()["vip"]), s.rip("rs2")
    r2 = s.p("rs2.pcap")
    s.check(len([p for p in r2 if p.is_syn and p.dst == vip]) >= 20, "rs2: SYNs to the VIP expected")
    s.check(not l4([p for p in r2 if p.src in (vip, rip2)]), "rs2: sent TCP although the VIP is missing")
    s.check(len(retransmitted_syns(s.p("client.pcap"))) == 10, "client: expected 10 retransmitted SYNs")
    o = s.outcome()
    s.check(o["tcp.ok"] == 10 and o["tcp.timeout"] == 10, "outcome: %s" % dict(o))


def dr_rs_down(s):
    vip, rtmac = pf.canon(s.svc()["vip"]), s.mac("router", "eth1")
    rst = [p for p in s.p("client.pcap") if p.is_rst and p.src == vip]
    s.check(len({p.dport for p in rst}) == 10, "client: expected RSTs from the VIP for 10 connections")
    r2 = [p for p in s.p("rs2.pcap") if p.is_rst]
    s.check(len(r2) == 10 and all(p.src == vip and p.edst == rtmac for p in r2), "rs2: RSTs from the VIP to the router expected")
    s.check(not [p for p in s.p("director-eth0.pcap") if p.is_rst], "director: saw a RST")
    o = s.outcome()
    s.check(o["tcp.ok"] == 10 and o["tcp.refused"] == 10, "outcome: %s" % dict(o))


def dr_udp_wrong_source(s):
    vip, cip, rip2 = pf.canon(s.svc()["vip"]), s.ip("client1"), s.rip("rs2")
    c = s.p("client.pcap")
    wrong = [p for p in l4(c, "udp") if p.src == rip2 and p.sport == 8053]
    s.check(len(wrong) == 5, "client: expected 5 answers from RIP2")
    icmp = [p for p in c if p.l4 == "icmp" and p.src == cip and p.dst == rip2 and p.icmp_type == 3 and p.icmp_code == 3]
    s.check(len(icmp) == 5, "client: expected 5 port unreachables to RIP2")
    s.check(all(p.src == vip for p in l4(s.p("rs1.pcap"), "udp") if p.dst == cip), "rs1: answers not from the VIP")
    o = s.outcome()
    s.check(o["udp.ok"] == 5 and o["udp.timeout"] == 5, "outcome: %s" % dict(o))


def dr_port_map(s):
    vip, rtmac = pf.canon(s.svc()["vip"]), s.mac("router", "eth1")
    s.check(all(r["port"] == 8080 for r in s.svc()["realServers"]), "config: real servers not on 8080")
    for h in ("rs1", "rs2"):
        pk = l4(s.p(h + ".pcap"), "tcp")
        s.check(pk and all(80 in (p.sport, p.dport) and 8080 not in (p.sport, p.dport) for p in pk),
                "%s: traffic not on port 80" % h)
        rst = [p for p in pk if p.is_rst]
        s.check(rst and all(p.src == vip and p.sport == 80 and p.edst == rtmac for p in rst),
                "%s: RSTs not from VIP:80 to the router" % h)
    o = s.outcome()
    s.check(o["tcp.refused"] == 20, "outcome: %s" % dict(o))


def nat_capture_offload(s):
    nat_like(s, "tcp"); all_ok(s)
    r1 = l4(s.p("rs1.pcap"), "tcp")
    big = [p for p in r1 if p.tlen and p.tlen > 1460]
    s.check(big, "rs1: no super-segments although offload is on")
    s.check([p for p in r1 if p.bad_checksum], "rs1: no unfilled checksums although tx offload is on")
    for f in ("client.pcap", "director-eth1.pcap", "rs2.pcap"):
        s.check(all((p.tlen or 0) <= 1460 for p in l4(s.p(f), "tcp")), "%s: segment above the MSS" % f)


CHECKS = {
    "dr-port-map": dr_port_map, "nat-capture-offload": nat_capture_offload,
    "nat-ok": healthy_nat, "nat-ok-v6": healthy_nat,
    "fullnat-ok": healthy_fullnat, "fullnat-ok-v6": healthy_fullnat,
    "dr-ok": healthy_dr, "dr-ok-v6": healthy_dr,
    "nat-udp": nat_udp, "fullnat-udp": fullnat_udp, "dr-udp": dr_udp,
    "nat-port-map": nat_port_map, "two-vips-mixed": two_vips_mixed,
    "nat-wrong-gateway": nat_wrong_gateway, "nat-rs-down": nat_rs_down,
    "nat-rs-blackhole": nat_rs_blackhole, "nat-client-on-rs-subnet": nat_client_on_rs_subnet,
    "dr-gateway-is-director": dr_gateway_is_director, "dr-arp-leak": dr_arp_leak,
    "dr-missing-vip": dr_missing_vip, "dr-rs-down": dr_rs_down,
    "dr-udp-wrong-source": dr_udp_wrong_source,
}


def main():
    if len(sys.argv) != 2:
        print("usage: verify.py CAPTURE_DIR", file=sys.stderr)
        return 2
    s = Scenario(sys.argv[1])
    if s.name not in CHECKS:
        print("verify: no checks for scenario %s" % s.name, file=sys.stderr)
        return 1
    generic(s)
    CHECKS[s.name](s)
    for f in s.failures:
        print("verify[%s]: FAIL %s" % (s.name, f), file=sys.stderr)
    print("verify[%s]: %d checks passed, %d failed" % (s.name, s.passed, len(s.failures)), file=sys.stderr)
    return 1 if s.failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Write scenario.json and the matching ipvsadm/keepalived configs for one lab run.

The topology, services and misconfigurations come from the manifest lab.sh
records while it builds the hosts (so they describe what was really built);
every `expect` block is computed from the capture file itself with tshark.
"""

import argparse
import json
import os
import platform
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcapfacts  # noqa: E402

LO_MAC = "00:00:00:00:00:00"


def read_manifest(path):
    rows = []
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                rows.append(line.split("\t"))
    return rows


def build_hosts(rows):
    hosts, order = {}, []
    for r in rows:
        kind = r[0]
        if kind == "host":
            hosts[r[1]] = {"name": r[1], "role": r[2], "interfaces": [], "defaultGateway": None,
                           "routes": [], "notes": []}
            order.append(r[1])
        elif kind == "iface":
            hosts[r[1]]["interfaces"].append({"name": r[2], "mac": r[3], "ifindex": None,
                                              "segment": r[4], "addresses": []})
        elif kind == "addr":
            ifaces = hosts[r[1]]["interfaces"]
            match = [i for i in ifaces if i["name"] == r[2]]
            if not match:
                ifaces.append({"name": r[2], "mac": LO_MAC, "ifindex": None, "segment": None,
                               "addresses": []})
                match = ifaces[-1:]
            match[0]["addresses"].append(r[3])
        elif kind == "gateway":
            hosts[r[1]]["defaultGateway"] = None if r[2] == "-" else r[2]
        elif kind == "route":
            hosts[r[1]]["routes"].append(r[2])
        elif kind == "note":
            hosts[r[1]]["notes"].append(r[2])
    for r in rows:
        if r[0] == "ifindex" and r[1] in hosts:
            for i in hosts[r[1]]["interfaces"]:
                if i["name"] == r[2]:
                    i["ifindex"] = int(r[3])
    out = []
    for name in order:
        h = hosts[name]
        out.append({
            "name": h["name"], "role": h["role"], "interfaces": h["interfaces"],
            "defaultGateway": h["defaultGateway"], "routes": h["routes"],
            "notes": "; ".join(h["notes"]),
        })
    return out


def director_mac(hosts, vip):
    for h in hosts:
        if h["role"] != "director":
            continue
        for i in h["interfaces"]:
            if any(a.split("/")[0] == vip for a in i["addresses"]) and i["mac"] != LO_MAC:
                return i["mac"]
    return None


def build_services(rows, hosts):
    services = []
    for r in rows:
        if r[0] == "service":
            services.append({"vip": r[1], "port": int(r[2]), "protocol": r[3], "mode": r[4],
                             "scheduler": r[5], "realServers": [], "localAddresses": [],
                             "directorMAC": director_mac(hosts, r[1])})
    def find(vip, port, proto):
        for s in services:
            if (s["vip"], s["port"], s["protocol"]) == (vip, int(port), proto):
                return s
        raise SystemExit("scenario.py: no service %s:%s/%s" % (vip, port, proto))
    for r in rows:
        if r[0] == "real":
            find(r[1], r[2], r[3])["realServers"].append(
                {"host": r[4], "address": r[5], "port": int(r[6]), "weight": int(r[7])})
        elif r[0] == "laddr":
            find(r[1], r[2], r[3])["localAddresses"].append(r[4])
    return services


def build_misconfigs(rows):
    return [{"category": r[1], "subject": r[2],
             "service": {"vip": r[3], "port": int(r[4]), "protocol": r[5]},
             "description": r[6]} for r in rows if r[0] == "misconfig"]


def build_segments(rows):
    segs = []
    for r in rows:
        if r[0] == "segment":
            segs.append({"name": r[1], "mac": r[2], "members": []})
    for r in rows:
        if r[0] == "iface":
            for s in segs:
                if s["name"] == r[4]:
                    s["members"].append("%s/%s" % (r[1], r[2]))
    return segs


def expect_for(path, vips):
    pkts = pcapfacts.load(path)
    vipset = {pcapfacts.canon(v) for v in vips}
    tcp, udp, addrs = set(), set(), set()
    echo = 0
    replies, requests = set(), set()
    for p in pkts:
        if p.l4 == "tcp" and p.flags & pcapfacts.SYN:
            tcp.add(p.endpoints())
        elif p.l4 == "udp":
            udp.add(p.endpoints())
        if (p.l4, p.icmp_type) in (("icmp", 8), ("icmpv6", 128)):
            echo += 1
        for a in (p.src, p.dst):
            if a:
                addrs.add(pcapfacts.canon(a))
        if p.l3 == "arp" and p.arp_sip in vipset:
            (replies if p.arp_op == 2 else requests).add(p.arp_smac)
        if p.l4 == "icmpv6" and p.icmp_type == 136 and p.nd_target and pcapfacts.canon(p.nd_target) in vipset:
            replies.add(p.lladdr or p.esrc)
        if p.l4 == "icmpv6" and p.icmp_type == 135 and p.src and pcapfacts.canon(p.src) in vipset:
            requests.add(p.lladdr or p.esrc)
    return {
        "packets": len(pkts),
        "tcpConnections": len(tcp),
        "udpFlows": len(udp),
        "icmpEchoRequests": echo,
        "addresses": sorted(addrs, key=pcapfacts.addr_key),
        "vipARPRepliesFrom": sorted(m for m in replies if m),
        "vipARPRequestsFrom": sorted(m for m in requests if m),
    }


def build_captures(rows, captures_dir, vips):
    caps = []
    for r in rows:
        if r[0] != "capture":
            continue
        file, point, host, iface, role, lt, shows = r[1:8]
        caps.append({
            "file": file, "point": point, "host": "switch" if host == "sw" else host,
            "interface": iface, "role": role, "linkType": lt, "shows": shows,
            "expect": expect_for(os.path.join(captures_dir, file), vips),
        })
    return caps


def build_outcome(path):
    runs, pings = [], []
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                rec = json.loads(line)
                if "ping" in rec:
                    pings.append({"target": rec["ping"], "received": rec["received"]})
                else:
                    runs.append({"target": rec["target"], "tcp": rec["tcp"], "udp": rec["udp"]})
    return {"clients": runs, "pings": pings}


def tool_version(cmd):
    try:
        res = subprocess.run(cmd, capture_output=True, text=True)
        out = res.stdout + res.stderr
    except OSError:
        return None
    return out.strip().splitlines()[0] if out.strip() else None


# ------------------------------------------------------------------ configs

def bracket(a):
    return "[%s]" % a if ":" in a else a


def svc_sort_key(s):
    fam = 10 if ":" in s["vip"] else 2          # AF_INET < AF_INET6, as ipvsadm sorts
    proto = {"tcp": 6, "udp": 17}[s["protocol"]]
    return (fam, proto, pcapfacts.addr_key(s["vip"]), s["port"])


FWD = {"nat": "-m", "dr": "-g", "tun": "-i", "fullnat": "-b"}
KIND = {"nat": "NAT", "dr": "DR", "tun": "TUN", "fullnat": "FNAT"}


def ipvsadm_save(services):
    """What `ipvsadm-save -n` prints (DPVS syntax for FULL-NAT: -b and laddr lines)."""
    lines = []
    for s in sorted(services, key=svc_sort_key):
        flag = "-t" if s["protocol"] == "tcp" else "-u"
        svc = "%s %s:%d" % (flag, bracket(s["vip"]), s["port"])
        lines.append("-A %s -s %s" % (svc, s["scheduler"]))
        dests = sorted(s["realServers"], key=lambda r: (pcapfacts.addr_key(r["address"]), r["port"]))
        for r in dests:
            # The kernel keeps the port keepalived gave it even for DR/TUN
            # (only ipvsadm itself forces the service port), so print it.
            lines.append("-a %s -r %s:%d %s -w %d" % (svc, bracket(r["address"]), r["port"],
                                                    FWD[s["mode"]], r["weight"]))
        for lip in s["localAddresses"]:
            lines.append("--add-laddr -z %s %s -F dpdk0" % (lip, svc))
    return "\n".join(lines) + "\n"


def keepalived_conf(name, services):
    out = ["! keepalived.conf of lab scenario %s: the deployment the operator intended" % name,
           "global_defs {", "    router_id lvscope_lab", "}", ""]
    groups = {}
    for s in services:
        if s["localAddresses"]:
            key = tuple(s["localAddresses"])
            if key not in groups:
                groups[key] = "laddr_g%d" % (len(groups) + 1)
                out.append("local_address_group %s {" % groups[key])
                out += ["    %s dpdk0" % lip for lip in s["localAddresses"]]
                out += ["}", ""]
    for s in services:
        out.append("virtual_server %s %d {" % (s["vip"], s["port"]))
        out.append("    delay_loop 6")
        out.append("    lb_algo %s" % s["scheduler"])
        out.append("    lb_kind %s" % KIND[s["mode"]])
        out.append("    protocol %s" % s["protocol"].upper())
        if s["localAddresses"]:
            out.append("    laddr_group_name %s" % groups[tuple(s["localAddresses"])])
        for r in s["realServers"]:
            check = "TCP_CHECK" if s["protocol"] == "tcp" else "UDP_CHECK"
            out += ["", "    real_server %s %d {" % (r["address"], r["port"]),
                    "        weight %d" % r["weight"],
                    "        %s {" % check,
                    "            connect_timeout 3",
                    "            connect_port %d" % r["port"],
                    "        }", "    }"]
        out += ["}", ""]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--outcome", required=True)
    ap.add_argument("--captures", required=True)
    ap.add_argument("--config", required=True)
    args = ap.parse_args()
    rows = read_manifest(args.manifest)
    one = {r[0]: r[1:] for r in rows if r[0] in ("scenario", "description", "family", "traffic")}
    name = one["scenario"][0]
    hosts = build_hosts(rows)
    services = build_services(rows, hosts)
    vips = sorted({s["vip"] for s in services}, key=pcapfacts.addr_key)
    tcp_n, tcp_sizes, udp_n, udp_sizes, pings = one["traffic"]
    doc = {
        "scenario": name,
        "description": one["description"][0],
        "family": one["family"][0],
        "hosts": hosts,
        "segments": build_segments(rows),
        "services": services,
        "misconfigurations": build_misconfigs(rows),
        "captures": build_captures(rows, args.captures, vips),
        "traffic": {
            "tcpConnections": int(tcp_n),
            "tcpSizes": [int(x) for x in tcp_sizes.split(",")] if int(tcp_n) else [],
            "udpExchanges": int(udp_n),
            "udpSizes": [int(x) for x in udp_sizes.split(",")] if int(udp_n) else [],
            "pings": int(pings),
        },
        "outcome": build_outcome(args.outcome),
        "lab": {
            "kernel": platform.release(),
            "nftables": tool_version(["nft", "--version"]),
            "tcpdump": tool_version(["tcpdump", "--version"]),
            "generator": "Fixtures/lab/lab.sh %s" % name,
        },
    }
    with open(os.path.join(args.captures, "scenario.json"), "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    os.makedirs(args.config, exist_ok=True)
    with open(os.path.join(args.config, name + ".ipvsadm"), "w") as f:
        f.write(ipvsadm_save(services))
    with open(os.path.join(args.config, name + ".keepalived.conf"), "w") as f:
        f.write(keepalived_conf(name, services))


if __name__ == "__main__":
    main()

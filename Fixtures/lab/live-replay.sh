#!/usr/bin/env bash
# lvscope in the director's place: network namespaces for a client, a director running
# `lvscope replay --live` and two real servers, real TCP and UDP exchanges through it, and
# the kernels' own counters afterwards. Prints one JSON document: the client's outcome,
# lvscope's live summary, and per host the IP/TCP/UDP counters (nstat).
#
# Usage: live-replay.sh LVSCOPE MODE OUTDIR    (MODE: nat | dr | fullnat)
#
# Topology (documentation addresses, fixed MACs as in lab.sh):
#   nat, fullnat: client1 (203.0.113.10) ─ veth ─ [d0 director d1] ─ bridge ─ rs1, rs2
#                 VIP 198.51.100.10 on-link for the client; RS default route 192.0.2.1 (the
#                 DIP lvscope answers ARP for); FULL-NAT local address 192.0.2.100.
#   dr:           client1 ─ veth ─ [router] ─ bridge ─ director (d0 only), rs1, rs2
#                 RSs hold the VIP on lo (arp_ignore=1, arp_announce=2), default route the
#                 router; lvscope forwards on one interface.
# The director's interfaces have no addresses and it does not forward: only lvscope
# answers. IPv6 is off and offloads are off everywhere, so every checksum is real.
# Needs root, iproute2, ethtool, nstat, python3. Deletes everything it made on exit.
set -euo pipefail
LVSCOPE=$1
MODE=$2
OUT=$3
HERE=$(cd "$(dirname "$0")" && pwd)
TRAFFIC="$HERE/traffic.py"
P="lvr$$-"
HOSTS=(cli dir rs1 rs2 sw)
[ "$MODE" = dr ] && HOSTS+=(rtr)
PIDS=()

# SIGKILL: a parent may have started us with SIGTERM blocked, and the servers would then
# live out their --lifetime (holding any inherited descriptors open).
cleanup() {
    for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null || true; done
    for h in "${HOSTS[@]}"; do ip netns del "$P$h" 2>/dev/null || true; done
}
trap cleanup EXIT

ns() { ip netns exec "$P$1" "${@:2}"; }

for h in "${HOSTS[@]}"; do
    ip netns add "$P$h"
    ns "$h" ip link set lo up
    ns "$h" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
done

# veth NAME in HOST with MAC, peer PEER in PEERHOST with PEERMAC
veth() {
    ip link add "$2" netns "$P$1" address "$3" type veth peer name "$5" netns "$P$4" address "$6"
    for end in "$1:$2" "$4:$5"; do
        ns "${end%%:*}" ethtool -K "${end#*:}" tx off rx off tso off gso off gro off sg off >/dev/null 2>&1 || true
        ns "${end%%:*}" ip link set "${end#*:}" up
    done
}

ns sw ip link add br0 type bridge
ns sw ip link set br0 up
bridge_port() { ns sw ip link set "$1" master br0; }

VIP=198.51.100.10
if [ "$MODE" = dr ]; then
    veth cli eth0 02:00:00:00:01:01 rtr eth0 02:00:00:00:04:01
    veth rtr eth1 02:00:00:00:04:02 sw p0 02:00:00:00:0f:00
    veth dir d0 02:00:00:00:02:01 sw p3 02:00:00:00:0f:03
    ns cli ip addr add 203.0.113.10/24 dev eth0
    ns cli ip route add default via 203.0.113.1
    ns rtr ip addr add 203.0.113.1/24 dev eth0
    ns rtr ip addr add 192.0.2.254/24 dev eth1
    ns rtr ip route add 198.51.100.0/24 dev eth1
    ns rtr sysctl -qw net.ipv4.ip_forward=1
    GATEWAY=192.0.2.254
else
    veth cli eth0 02:00:00:00:01:01 dir d0 02:00:00:00:02:01
    veth dir d1 02:00:00:00:02:02 sw p0 02:00:00:00:0f:00
    ns cli ip addr add 203.0.113.10/24 dev eth0
    ns cli ip route add 198.51.100.0/24 dev eth0
    GATEWAY=192.0.2.1
fi
bridge_port p0
[ "$MODE" = dr ] && bridge_port p3
for n in 1 2; do
    veth "rs$n" eth0 "02:00:00:00:03:0$n" sw "p$n" "02:00:00:00:0f:0$n"
    bridge_port "p$n"
    ns "rs$n" ip addr add "192.0.2.1$n/24" dev eth0
    ns "rs$n" ip route add default via "$GATEWAY"
    if [ "$MODE" = dr ]; then
        ns "rs$n" ip addr add "$VIP/32" dev lo
        ns "rs$n" sysctl -qw net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.all.arp_announce=2 \
            net.ipv4.conf.eth0.arp_ignore=1 net.ipv4.conf.eth0.arp_announce=2
    fi
done

CONFIG="$OUT/live-$MODE.ipvsadm"
case "$MODE" in
    nat|dr)
        flag=$([ "$MODE" = nat ] && echo -m || echo -g)
        {
            echo "-A -t $VIP:80 -s rr"
            echo "-a -t $VIP:80 -r 192.0.2.11:80 $flag -w 1"
            echo "-a -t $VIP:80 -r 192.0.2.12:80 $flag -w 1"
            echo "-A -u $VIP:8053 -s rr"
            echo "-a -u $VIP:8053 -r 192.0.2.11:8053 $flag -w 1"
            echo "-a -u $VIP:8053 -r 192.0.2.12:8053 $flag -w 1"
        } >"$CONFIG" ;;
    fullnat)
        {
            echo "-A -t $VIP:80 -s rr"
            echo "-a -t $VIP:80 -r 192.0.2.11:80 -b -w 1"
            echo "-a -t $VIP:80 -r 192.0.2.12:80 -b -w 1"
            echo "--add-laddr -z 192.0.2.100 -t $VIP:80 -F dpdk0"
            echo "-A -u $VIP:8053 -s rr"
            echo "-a -u $VIP:8053 -r 192.0.2.11:8053 -b -w 1"
            echo "-a -u $VIP:8053 -r 192.0.2.12:8053 -b -w 1"
            echo "--add-laddr -z 192.0.2.100 -u $VIP:8053 -F dpdk0"
        } >"$CONFIG" ;;
    *) echo "unknown mode $MODE" >&2; exit 2 ;;
esac

BIND=$([ "$MODE" = dr ] && echo "$VIP" || echo 0.0.0.0)
# Background processes run through `ip netns exec` directly (not the shell function), so
# that $! is the process itself and can be signalled.
for n in 1 2; do
    ip netns exec "${P}rs$n" python3 "$TRAFFIC" server --bind "$BIND" --tcp-port 80 --udp-port 8053 \
        --ready "$OUT/rs$n.ready" --lifetime 60 >"$OUT/rs$n.log" 2>&1 &
    PIDS+=($!)
done

if [ "$MODE" = dr ]; then
    ip netns exec "${P}dir" "$LVSCOPE" replay --live --client-interface d0 --config "$CONFIG" --dip 192.0.2.1 \
        --format json --report "$OUT/live.json" --output "$OUT/live.pcap" --duration 60 \
        >/dev/null 2>"$OUT/lvscope.err" &
else
    ip netns exec "${P}dir" "$LVSCOPE" replay --live --client-interface d0 --real-server-interface d1 --config "$CONFIG" \
        --dip 192.0.2.1 --format json --report "$OUT/live.json" --output "$OUT/live.pcap" --duration 60 \
        >/dev/null 2>"$OUT/lvscope.err" &
fi
LVSCOPE_PID=$!
PIDS+=($LVSCOPE_PID)

# Ready when both servers listen and both learned the director's MAC from its ARP requests.
for _ in $(seq 100); do
    if [ -e "$OUT/rs1.ready" ] && [ -e "$OUT/rs2.ready" ] \
        && ns rs1 ip neigh show 192.0.2.1 | grep -q lladdr && ns rs2 ip neigh show 192.0.2.1 | grep -q lladdr; then
        break
    fi
    sleep 0.1
done
sleep 0.3

ns cli python3 "$TRAFFIC" client --target "$VIP" --tcp 12 --tcp-port 80 --sizes 64,1400,6000,30000 \
    --udp 6 --udp-port 8053 --udp-sizes 64,512,1200 --timeout 2 --deadline 40 >"$OUT/client.json"

kill -TERM "$LVSCOPE_PID"
wait "$LVSCOPE_PID" || { echo "lvscope failed: $(cat "$OUT/lvscope.err")" >&2; exit 1; }

for h in cli rs1 rs2; do ns "$h" nstat -asz --json >"$OUT/nstat-$h.json"; done
python3 - "$OUT" "$MODE" <<'PY'
import json, sys
out, mode = sys.argv[1], sys.argv[2]
doc = {"mode": mode,
       "client": json.load(open(f"{out}/client.json")),
       "lvscope": json.load(open(f"{out}/live.json")),
       "hosts": {h: json.load(open(f"{out}/nstat-{h}.json"))["kernel"] for h in ("cli", "rs1", "rs2")}}
print(json.dumps(doc, sort_keys=True))
PY

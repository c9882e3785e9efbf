#!/usr/bin/env bash
# lvscope real-kernel lab: builds LVS-like deployments out of network namespaces,
# reproduces the director with nftables (this kernel has no IPVS), runs bounded
# traffic, captures every point with tcpdump and writes ground truth.
#
#   lab.sh SCENARIO [OUTDIR]   one scenario (default OUTDIR: Fixtures/captures/SCENARIO)
#   lab.sh --all [BASEDIR]     every scenario into BASEDIR/NAME (default Fixtures/captures)
#   lab.sh --list              names and one-line descriptions
#
# Every namespace, veth and bridge lives under a per-run prefix and is deleted by
# the EXIT trap, also when a step fails. No interface is created in the root
# namespace, so no packet can leave the namespaces this script made.
set -euo pipefail
# Job control: without it, bash starts background jobs with SIGINT ignored, and tcpdump
# would never stop when this script runs under a non-interactive parent (make, swift test).
set -m
# A parent may start us with signals blocked (Foundation's Process under `swift test`
# does, and the mask is inherited): tcpdump would then never see the signal that stops
# it. Re-exec once with an empty signal mask.
if [ "${LVSCOPE_LAB_UNMASKED:-}" != 1 ] && ! grep -Eq '^SigBlk:[[:space:]]*0+$' /proc/$$/status; then
  export LVSCOPE_LAB_UNMASKED=1
  exec python3 -c 'import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, set()); os.execv(sys.argv[1], sys.argv[1:])' "$0" "$@"
fi

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FIXTURES=$(dirname "$LAB_DIR")
PREFIX="lvl$$"
NETNS=()          # namespaces to delete
PIDS=()           # processes to stop (servers, tcpdumps)
CAPS=()           # "pid file" of running captures
PORTS=0           # switch ports created
WORK=""           # per-scenario scratch directory
MANIFEST=""       # ground-truth facts recorded while building (see scenario.py)
OUT=""            # capture directory of the running scenario
FAMILY=ipv4
SETTLED=0         # address configuration has settled before the first capture
DROPPED=0         # a capture reported kernel drops
TCP_TOTAL=0 UDP_TOTAL=0 PING_TOTAL=0
TCP_SIZES="64,1400,3000,6000,12000"
UDP_SIZES="64,512,1200"

die() { echo "lab.sh: $*" >&2; exit 1; }
log() { echo "lab[$SCEN]: $*" >&2; }

# ------------------------------------------------------------------ lifecycle

teardown() {
  local pid n
  for pid in "${PIDS[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=() CAPS=()
  for n in "${NETNS[@]}"; do ip netns del "$n" 2>/dev/null || true; done
  NETNS=()
}

on_exit() {
  local rc=$?
  teardown
  [[ -n "$WORK" && -d "$WORK" ]] && rm -rf "$WORK"
  exit "$rc"
}

preflight() {
  [[ $EUID -eq 0 ]] || die "must run as root (it creates network namespaces)"
  local t
  for t in ip nft tcpdump tshark ethtool ping python3; do
    command -v "$t" >/dev/null || die "$t not found (needs iproute2, nftables, tcpdump, tshark, ethtool, iputils-ping, python3)"
  done
}

# ------------------------------------------------------------------ manifest

m() { local IFS=$'\t'; printf '%s\n' "$*" >> "$MANIFEST"; }

describe() { m description "$1"; }

# ------------------------------------------------------------------ hosts and links

ns() { echo "${PREFIX}-$1"; }
nsx() { local h=$1; shift; ip netns exec "$(ns "$h")" "$@"; }
# nsx_exec HOST CMD...: for background jobs; exec keeps $! the command's own pid
nsx_exec() { local h=$1; shift; exec ip netns exec "$(ns "$h")" "$@"; }
sx() { local h=$1 kv; shift; for kv in "$@"; do nsx "$h" sysctl -qw "$kv" >/dev/null; done; }

# Kernel defaults written out so that the root namespace's settings never leak
# in (new namespaces inherit IPv4 'all'/'default' from it), plus the lab's
# choices: IPv6 without DAD or RS/RA, and no IPv6 at all in IPv4 scenarios.
base_sysctls() {
  local h=$1 c
  for c in all default; do
    sx "$h" net.ipv4.conf.$c.rp_filter=0 net.ipv4.conf.$c.arp_ignore=0 \
      net.ipv4.conf.$c.arp_announce=0 net.ipv4.conf.$c.accept_local=0 \
      net.ipv4.conf.$c.send_redirects=1 net.ipv4.conf.$c.log_martians=0 \
      net.ipv4.conf.$c.arp_accept=0 net.ipv4.conf.$c.arp_notify=0
  done
  sx "$h" net.ipv4.ip_forward=0
  if [[ $FAMILY == ipv4 ]]; then
    sx "$h" net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  else
    for c in all default; do
      sx "$h" net.ipv6.conf.$c.accept_dad=0 net.ipv6.conf.$c.dad_transmits=0 \
        net.ipv6.conf.$c.router_solicitations=0 net.ipv6.conf.$c.accept_ra=0 \
        net.ipv6.conf.$c.forwarding=0
    done
  fi
}

# Neighbour timers exist per interface only (neigh/default is not exposed
# outside the initial namespace).
neigh_timers() {
  local h=$1 i=$2 f
  for f in ipv4 ipv6; do
    [[ $f == ipv6 && $FAMILY == ipv4 ]] && continue
    sx "$h" "net.$f.neigh.$i.base_reachable_time_ms=120000" "net.$f.neigh.$i.delay_first_probe_time=30"
  done
}

# make_host NAME ROLE   (role: client | director | real-server | router)
make_host() {
  local name=$1 role=$2
  ip netns add "$(ns "$name")"
  NETNS+=("$(ns "$name")")
  nsx "$name" ip link set lo up
  base_sysctls "$name"
  m host "$name" "$role"
}

# The switch namespace holds the bridges; it has no addresses and no IPv6, so
# it never originates a frame.
make_switch() {
  ip netns add "$(ns sw)"
  NETNS+=("$(ns sw)")
  nsx sw sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 >/dev/null
  nsx sw ip link set lo up
}

# bridge NAME MAC
bridge() {
  nsx sw ip link add "$1" address "$2" type bridge stp_state 0 forward_delay 0 mcast_snooping 0
  nsx sw ip link set "$1" up
  m segment "$1" "$2"
}

offloads_off() {
  nsx "$1" ethtool -K "$2" tso off gso off gro off tx off rx off sg off >/dev/null 2>&1 ||
    nsx "$1" ethtool -K "$2" tso off gso off gro off tx off sg off >/dev/null
}

# link HOST IFNAME MAC BRIDGE: a veth from HOST into a new port of BRIDGE.
# Ports join the bridge in call order; the bridge floods to the most recently
# attached port first, which decides ARP races between answering hosts.
link() {
  local host=$1 ifname=$2 mac=$3 br=$4 port
  PORTS=$((PORTS + 1))
  port=$(printf 'p%02d' "$PORTS")
  ip -n "$(ns "$host")" link add "$ifname" address "$mac" type veth \
    peer name "$port" address "$(printf '02:00:00:00:0f:%02x' "$PORTS")" netns "$(ns sw)"
  offloads_off "$host" "$ifname"
  offloads_off sw "$port"
  neigh_timers "$host" "$ifname"
  nsx sw ip link set "$port" master "$br" up
  nsx "$host" ip link set "$ifname" up
  m iface "$host" "$ifname" "$mac" "$br"
}

# addr HOST IFNAME CIDR
addr() {
  if [[ $3 == *:* ]]; then
    nsx "$1" ip -6 addr add "$3" dev "$2" nodad
  else
    nsx "$1" ip addr add "$3" dev "$2"
  fi
  m addr "$1" "$2" "$3"
}

# gateway HOST ADDRESS: the default route
gateway() {
  if [[ $2 == *:* ]]; then nsx "$1" ip -6 route add default via "$2"
  else nsx "$1" ip route add default via "$2"; fi
  m gateway "$1" "$2"
}

# route HOST PREFIX ARGS...: any other static route, recorded as text
route() {
  local h=$1; shift
  if [[ $1 == *:* ]]; then nsx "$h" ip -6 route add "$@"; else nsx "$h" ip route add "$@"; fi
  m route "$h" "$*"
}

note() { m note "$1" "$2"; }

forwarding() {
  if [[ $FAMILY == ipv4 ]]; then sx "$1" net.ipv4.ip_forward=1
  else sx "$1" net.ipv6.conf.all.forwarding=1; fi
  note "$1" "IP forwarding on"
}

# DR real-server ARP discipline; the kernel uses max(all, IFACE).
arp_suppress() {
  sx "$1" net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.all.arp_announce=2 \
    "net.ipv4.conf.$2.arp_ignore=1" "net.ipv4.conf.$2.arp_announce=2"
  note "$1" "arp_ignore=1, arp_announce=2 on all and $2"
}

vip_on_lo() {
  if [[ $2 == *:* ]]; then addr "$1" lo "$2/128"; else addr "$1" lo "$2/32"; fi
}

# ------------------------------------------------------------------ the director in nftables

l3() { if [[ $1 == *:* ]]; then echo ip6; else echo ip; fi; }
plen() { if [[ $1 == *:* ]]; then echo 128; else echo 32; fi; }
bracket() { if [[ $1 == *:* ]]; then echo "[$1]"; else echo "$1"; fi; }

# Real servers are given as HOST,ADDRESS,PORT,WEIGHT. IPVS puts a new
# destination at the head of its list and round robin starts at the head, so
# after `ipvsadm -R` (or keepalived) of a config listing rs1, rs2 the first
# connection goes to the LAST listed server. The numgen slots follow that
# order; a weight w occupies w slots.
record_service() {
  local mode=$1 vip=$2 port=$3 proto=$4; shift 4
  local sched=rr rs w
  for rs in "$@"; do IFS=, read -r _ _ _ w <<<"$rs"; [[ $w == 1 ]] || sched=wrr; done
  m service "$vip" "$port" "$proto" "$mode" "$sched"
  for rs in "$@"; do IFS=, read -r h a p w <<<"$rs"; m real "$vip" "$port" "$proto" "$h" "$a" "$p" "$w"; done
}

# numgen_map "0 : x" entries from RS specs in IPVS visiting order; FIELD 2=address
numgen_map() {
  local -a specs=("$@") slots=()
  local i h a p w k
  for ((i = ${#specs[@]} - 1; i >= 0; i--)); do
    IFS=, read -r h a p w <<<"${specs[$i]}"
    for ((k = 0; k < w; k++)); do slots+=("$a"); done
  done
  local out="" n=0
  for a in "${slots[@]}"; do out+="${out:+, }$n : $a"; n=$((n + 1)); done
  echo "$n|{ $out }"
}

rs_port() { local p; IFS=, read -r _ _ p _ <<<"$1"; echo "$p"; }
rs_addrs() { local rs a out=""; for rs in "$@"; do IFS=, read -r _ a _ _ <<<"$rs"; out+="${out:+, }$a"; done; echo "$out"; }

nat_chains() {
  local dir=$1 fam=$2
  nsx "$dir" nft -f - <<EOF
add table $fam lvs
add chain $fam lvs pre { type nat hook prerouting priority dstnat; }
add chain $fam lvs post { type nat hook postrouting priority srcnat; }
add chain $fam lvs mangle { type filter hook forward priority mangle; }
EOF
}

# svc_nat DIRECTOR VIP PORT PROTO RS...: dnat VIP:PORT to the real servers,
# conntrack un-NATs the replies (the RS default route must be the director).
svc_nat() {
  local dir=$1 vip=$2 port=$3 proto=$4; shift 4
  record_service nat "$vip" "$port" "$proto" "$@"
  note "$dir" "nftables NAT for $vip:$port/$proto: dnat to the real servers (numgen round robin), conntrack un-NATs the replies"
  nft_dnat "$dir" "$vip" "$port" "$proto" "$@"
}

nft_dnat() {
  local dir=$1 vip=$2 port=$3 proto=$4; shift 4
  local fam rport map n
  fam=$(l3 "$vip"); rport=$(rs_port "$1")
  IFS='|' read -r n map <<<"$(numgen_map "$@")"
  nat_chains "$dir" "$fam"
  nsx "$dir" nft add rule "$fam" lvs pre "$fam" daddr "$vip" "$proto" dport "$port" \
    dnat to numgen inc mod "$n" map "$map" :"$rport"
}

# svc_fullnat DIRECTOR RS-IFACE LIP VIP PORT PROTO RS...: NAT plus snat of the
# client to the local address. Like DPVS, the client SYN's timestamp option is
# NOP-filled and the RS SYN-ACK's MSS lowered by the TOA size (8 / 20); unlike
# DPVS there is no TOA and no sequence-number shift (nftables cannot do either).
svc_fullnat() {
  local dir=$1 oif=$2 lip=$3 vip=$4 port=$5 proto=$6; shift 6
  local fam rips rport mss
  record_service fullnat "$vip" "$port" "$proto" "$@"
  m laddr "$vip" "$port" "$proto" "$lip"
  nft_dnat "$dir" "$vip" "$port" "$proto" "$@"
  fam=$(l3 "$vip"); rips=$(rs_addrs "$@"); rport=$(rs_port "$1")
  nsx "$dir" nft add rule "$fam" lvs post oifname "$oif" "$fam" daddr "{ $rips }" ct status dnat \
    meta l4proto "$proto" snat to "$(bracket "$lip")":1025-65535 random
  if [[ $proto == tcp ]]; then
    if [[ $fam == ip ]]; then mss=1452; else mss=1420; fi
    nsx "$dir" nft add rule "$fam" lvs mangle oifname "$oif" "$fam" daddr "{ $rips }" \
      tcp flags '& (syn|ack) == syn' reset tcp option timestamp
    nsx "$dir" nft add rule "$fam" lvs mangle iifname "$oif" "$fam" saddr "{ $rips }" tcp sport "$rport" \
      tcp flags '& (syn|ack) == syn|ack' tcp option maxseg size set "$mss"
  fi
}

# svc_dr DIRECTOR IFACE VIP PORT PROTO RS...: netdev ingress on the segment
# interface. A dynamic map keyed by client address and port (IPv6: a jhash of
# them, nft 1.0.6 mis-encodes ipv6_addr . inet_service keys with data) pins a
# connection to the numgen choice made on its first packet, like the IPVS
# connection table; `fwd ip to RIP` resolves the RS MAC, decrements the TTL
# and leaves the IP header otherwise untouched.
svc_dr() {
  local dir=$1 ifc=$2 vip=$3 port=$4 proto=$5; shift 5
  local fam map n tbl mapname first key
  record_service dr "$vip" "$port" "$proto" "$@"
  note "$dir" "nftables DR for $vip:$port/$proto: netdev ingress on $ifc forwards by MAC (fwd to the RIP, TTL-1), connections pinned in a dynamic map"
  fam=$(l3 "$vip")
  IFS='|' read -r n map <<<"$(numgen_map "$@")"
  tbl="dr_$ifc"
  mapname="c_${proto}_$(echo "$vip" | tr -c '0-9a-f\n' '_')_$port"
  if [[ $proto == tcp ]]; then first="tcp flags & (syn|ack) == syn"; else first=""; fi
  nsx "$dir" nft -f - <<EOF
add table netdev $tbl
add chain netdev $tbl ing { type filter hook ingress device "$ifc" priority 0; }
EOF
  if [[ $fam == ip ]]; then
    nsx "$dir" nft -f - <<EOF
add map netdev $tbl $mapname { type ipv4_addr . inet_service : mark; flags dynamic,timeout; timeout 5m; }
add rule netdev $tbl ing ip daddr $vip $proto dport $port $first ip saddr . $proto sport != @$mapname add @$mapname { ip saddr . $proto sport : numgen inc mod $n }
add rule netdev $tbl ing ip daddr $vip $proto dport $port meta mark set ip saddr . $proto sport map @$mapname fwd ip to meta mark map $map device "$ifc"
EOF
  else
    key="jhash ip6 saddr . $proto sport mod 4294967295 seed 0x4c5653"
    nsx "$dir" nft -f - <<EOF
add map netdev $tbl $mapname { type mark : mark; flags dynamic,timeout; timeout 5m; }
add rule netdev $tbl ing ip6 daddr $vip $proto dport $port meta mark set $key
add rule netdev $tbl ing ip6 daddr $vip $proto dport $port $first meta mark != @$mapname add @$mapname { meta mark : numgen inc mod $n }
add rule netdev $tbl ing ip6 daddr $vip $proto dport $port meta mark set meta mark map @$mapname fwd ip6 to meta mark map $map device "$ifc"
EOF
  fi
}

misconfig() {  # CATEGORY SUBJECT VIP PORT PROTO DESCRIPTION
  m misconfig "$@"
}

# ------------------------------------------------------------------ servers, captures, traffic

# server HOST ARGS...: traffic.py server in HOST, returns when it listens
server() {
  local h=$1 ready; shift
  ready="$WORK/ready.$h.$RANDOM"
  nsx_exec "$h" python3 "$LAB_DIR/traffic.py" server --ready "$ready" --lifetime 180 "$@" \
    >"$WORK/server.$h.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 50); do [[ -f $ready ]] && return 0; sleep 0.1; done
  die "server in $h did not start: $(cat "$WORK/server.$h.log")"
}

# capture FILE HOST IFACE POINT ROLE SHOWS: declared before traffic starts
capture() {
  local file=$1 host=$2 ifc=$3 point=$4 role=$5 shows=$6 lt=EN10MB
  local -a extra=()
  [[ $SETTLED == 1 ]] || { settle; SETTLED=1; }
  if [[ $ifc == any ]]; then extra=(-y LINUX_SLL2); lt=LINUX_SLL2; fi
  # Promiscuous mode is only needed on the bridge (to see frames between its
  # ports); elsewhere it would make IPv6 re-send its MLD reports mid-capture.
  [[ $host == sw ]] || extra+=(-p)
  # Immediate mode makes libpcap use TPACKET_V2, a ring of snaplen-sized
  # slots: 64 KiB slots in a 32 MiB buffer leave room for 512 packets.
  nsx_exec "$host" tcpdump -i "$ifc" "${extra[@]}" -w "$OUT/$file" -U --immediate-mode -B 32768 \
    -Z root -n -s 65535 --time-stamp-precision=nano >"$WORK/$file.log" 2>&1 &
  PIDS+=($!)
  CAPS+=("$! $file")
  m capture "$file" "$point" "$host" "$ifc" "$role" "$lt" "$shows"
}

captures_ready() {
  local c f ok
  for c in "${CAPS[@]}"; do
    f=${c#* }; ok=0
    for _ in $(seq 1 50); do
      if grep -q "listening on" "$WORK/$f.log" 2>/dev/null && [[ -f $OUT/$f ]]; then ok=1; break; fi
      sleep 0.1
    done
    [[ $ok == 1 ]] || die "tcpdump for $f not ready: $(cat "$WORK/$f.log")"
  done
  sleep 0.3
}

captures_stop() {
  local c pid f
  sleep 1  # let FINs, TIME_WAIT ACKs and late retransmissions land
  for c in "${CAPS[@]}"; do kill -INT "${c%% *}" 2>/dev/null || true; done
  for c in "${CAPS[@]}"; do
    pid=${c%% *}; f=${c#* }
    wait "$pid" 2>/dev/null || true
    grep -q "^0 packets dropped by kernel" "$WORK/$f.log" ||
      { log "$f: $(grep 'dropped by kernel' "$WORK/$f.log" || echo 'no statistics')"; DROPPED=1; }
  done
  CAPS=()
}

# Interface indexes matter for SLL2 captures (they carry ifindex, not names).
record_ifindexes() {
  local h line idx name
  for h in $(awk -F'\t' '$1 == "host" {print $2}' "$MANIFEST"); do
    while read -r line; do
      idx=${line%%:*}; name=${line#*: }; name=${name%%[:@]*}
      m ifindex "$h" "$name" "$idx"
    done < <(nsx "$h" ip -o link show | awk '{print $1 " " $2}')
  done
}

# client HOST TARGET [traffic.py client options]: counts go into "traffic"
client() {
  local h=$1 target=$2; shift 2
  local tcp=0 udp=0 a=("$@") i
  for ((i = 0; i < ${#a[@]}; i++)); do
    case ${a[$i]} in --tcp) tcp=${a[$((i + 1))]} ;; --udp) udp=${a[$((i + 1))]} ;; esac
  done
  TCP_TOTAL=$((TCP_TOTAL + tcp)); UDP_TOTAL=$((UDP_TOTAL + udp))
  nsx "$h" python3 "$LAB_DIR/traffic.py" client --target "$target" --sizes "$TCP_SIZES" \
    --udp-sizes "$UDP_SIZES" --deadline 60 --report "$WORK/outcome.$h.jsonl" "$@" >/dev/null
}

pings() {  # HOST TARGET
  local got
  PING_TOTAL=$((PING_TOTAL + 3))
  got=$(nsx "$1" ping -n -q -c 3 -W 1 -i 0.2 "$2" 2>/dev/null | sed -n 's/.* \([0-9]*\) received.*/\1/p' || true)
  printf '{"ping": "%s", "received": %s}\n' "$2" "${got:-0}" >> "$WORK/outcome.$1.jsonl"
}

tcp_syn_retries_1() { sx "$1" net.ipv4.tcp_syn_retries=1; }

settle() {
  # IPv6 sends its MLD reports for new addresses within ~1 s of link-up; let
  # them pass before the captures start so capture sizes stay reproducible.
  if [[ $FAMILY == ipv6 ]]; then sleep 2.5; else sleep 0.5; fi
}

begin_traffic() { record_ifindexes; captures_ready; }
end_traffic() { captures_stop; }

# ------------------------------------------------------------------ topologies

# Address plan (documentation ranges only).
CIP4=203.0.113.10 CGW4=203.0.113.1 VIP4=198.51.100.10 VIP4B=198.51.100.20
DIP4=192.0.2.1 RIP4_1=192.0.2.11 RIP4_2=192.0.2.12 LIP4=192.0.2.100 RGW4=192.0.2.254
CIP6=2001:db8:c::10 CGW6=2001:db8:c::1 VIP6=2001:db8:100::10
DIP6=2001:db8:2::1 RIP6_1=2001:db8:2::11 RIP6_2=2001:db8:2::12 LIP6=2001:db8:2::100 RGW6=2001:db8:2::fe

MAC_CLIENT1=02:00:00:00:01:01 MAC_CLIENT2=02:00:00:00:01:02
MAC_DIR0=02:00:00:00:02:01 MAC_DIR1=02:00:00:00:02:02
MAC_RS1=02:00:00:00:03:01 MAC_RS2=02:00:00:00:03:02 MAC_RS3=02:00:00:00:03:03 MAC_RS4=02:00:00:00:03:04
MAC_RT0=02:00:00:00:04:01 MAC_RT1=02:00:00:00:04:02 MAC_RT2_0=02:00:00:00:04:03 MAC_RT2_1=02:00:00:00:04:04

fam_pick() { if [[ $FAMILY == ipv4 ]]; then echo "$1"; else echo "$2"; fi; }

# NAT / FULL-NAT: client1 -- net-c -- director -- net-r -- rs1, rs2.
# The VIP sits on the director's client-side NIC and the client reaches the
# VIP prefix on-link, so the client's capture holds the ARP/ND for the VIP.
topo_nat() {
  local cip cgw vip dip r1 r2 cpl vnet
  cip=$(fam_pick $CIP4 $CIP6); cgw=$(fam_pick $CGW4 $CGW6); vip=$(fam_pick $VIP4 $VIP6)
  dip=$(fam_pick $DIP4 $DIP6); r1=$(fam_pick $RIP4_1 $RIP6_1); r2=$(fam_pick $RIP4_2 $RIP6_2)
  cpl=$(fam_pick 24 64); vnet=$(fam_pick 198.51.100.0/24 2001:db8:100::/64)
  make_switch
  bridge net-c 02:00:00:00:05:01
  bridge net-r 02:00:00:00:05:02
  make_host client1 client
  make_host director director
  make_host rs1 real-server
  make_host rs2 real-server
  link client1 eth0 $MAC_CLIENT1 net-c
  link director eth0 $MAC_DIR0 net-c
  link director eth1 $MAC_DIR1 net-r
  link rs1 eth0 $MAC_RS1 net-r
  link rs2 eth0 $MAC_RS2 net-r
  addr client1 eth0 "$cip/$cpl"; gateway client1 "$cgw"; route client1 "$vnet" dev eth0
  addr director eth0 "$cgw/$cpl"; addr director eth0 "$vip/$(plen "$vip")"
  addr director eth1 "$dip/$cpl"
  addr rs1 eth0 "$r1/$cpl"; addr rs2 eth0 "$r2/$cpl"
  gateway rs1 "$dip"; gateway rs2 "$dip"
  forwarding director
  # IPVS handles VIP traffic in LOCAL_IN, so it never sends ICMP redirects;
  # a forwarding kernel would, when client and RS share the director's NIC.
  sx director net.ipv4.conf.all.send_redirects=0 net.ipv4.conf.default.send_redirects=0 \
    net.ipv4.conf.eth0.send_redirects=0 net.ipv4.conf.eth1.send_redirects=0
  note director "send_redirects=0 (IPVS never sends ICMP redirects)"
  tcp_syn_retries_1 client1
}

# DR: client1 -- net-c -- router -- net-s (one L2 segment) -- rs1, rs2, director.
# The router reaches the VIP prefix on-link, so it ARPs/NDs for the VIP; the
# director joins the segment last, so it wins ARP races (it is flooded first).
topo_dr() {
  local cip cgw vip dip r1 r2 rgw cpl vnet
  cip=$(fam_pick $CIP4 $CIP6); cgw=$(fam_pick $CGW4 $CGW6); vip=$(fam_pick $VIP4 $VIP6)
  dip=$(fam_pick $DIP4 $DIP6); r1=$(fam_pick $RIP4_1 $RIP6_1); r2=$(fam_pick $RIP4_2 $RIP6_2)
  rgw=$(fam_pick $RGW4 $RGW6); cpl=$(fam_pick 24 64); vnet=$(fam_pick 198.51.100.0/24 2001:db8:100::/64)
  make_switch
  bridge net-c 02:00:00:00:05:01
  bridge net-s 02:00:00:00:05:03
  make_host client1 client
  make_host router router
  make_host rs1 real-server
  make_host rs2 real-server
  make_host director director
  link client1 eth0 $MAC_CLIENT1 net-c
  link router eth0 $MAC_RT0 net-c
  link router eth1 $MAC_RT1 net-s
  link rs1 eth0 $MAC_RS1 net-s
  link rs2 eth0 $MAC_RS2 net-s
  link director eth0 $MAC_DIR0 net-s
  addr client1 eth0 "$cip/$cpl"; gateway client1 "$cgw"
  addr router eth0 "$cgw/$cpl"; addr router eth1 "$rgw/$cpl"; route router "$vnet" dev eth1
  forwarding router
  addr director eth0 "$dip/$cpl"; addr director eth0 "$vip/$(plen "$vip")"; gateway director "$rgw"
  addr rs1 eth0 "$r1/$cpl"; addr rs2 eth0 "$r2/$cpl"
  gateway rs1 "$rgw"; gateway rs2 "$rgw"
  tcp_syn_retries_1 client1
}

dr_rs_setup() {  # HOST [VIP]: VIP on lo plus ARP discipline
  vip_on_lo "$1" "${2:-$(fam_pick $VIP4 $VIP6)}"
  [[ $FAMILY == ipv6 ]] || arp_suppress "$1" eth0
}

captures_nat() {  # CLIENT_SHOWS ETH0 ETH1 ANY RS1 RS2
  capture client.pcap client1 eth0 client client "$1"
  capture director-eth0.pcap director eth0 director-eth0 director "$2"
  capture director-eth1.pcap director eth1 director-eth1 director "$3"
  capture director-any.pcap director any director-any director "$4"
  capture rs1.pcap rs1 eth0 rs1 real-server "$5"
  capture rs2.pcap rs2 eth0 rs2 real-server "$6"
}

captures_dr() {  # CLIENT ROUTER SEGMENT ETH0 ANY RS1 RS2
  capture client.pcap client1 eth0 client client "$1"
  capture router.pcap router eth1 router-eth1 router "$2"
  capture segment.pcap sw net-s segment segment "$3"
  capture director-eth0.pcap director eth0 director-eth0 director "$4"
  capture director-any.pcap director any director-any director "$5"
  capture rs1.pcap rs1 eth0 rs1 real-server "$6"
  capture rs2.pcap rs2 eth0 rs2 real-server "$7"
}

rs_specs() {  # PORT: "rs1,RIP1,PORT,1 rs2,RIP2,PORT,1"
  echo "rs1,$(fam_pick $RIP4_1 $RIP6_1),$1,1 rs2,$(fam_pick $RIP4_2 $RIP6_2),$1,1"
}

# ------------------------------------------------------------------ scenarios

SCENARIOS=(
  "nat-ok|NAT, IPv4: TCP through dnat to two real servers, replies un-NATed by the director"
  "nat-ok-v6|NAT, IPv6: as nat-ok"
  "fullnat-ok|FULL-NAT, IPv4: dnat plus snat to a local address; no TOA (nftables cannot insert it)"
  "fullnat-ok-v6|FULL-NAT, IPv6: as fullnat-ok"
  "dr-ok|DR, IPv4: director rewrites only the destination MAC, replies go straight to the router"
  "dr-ok-v6|DR, IPv6: as dr-ok"
  "nat-udp|NAT, IPv4: UDP request/response only"
  "fullnat-udp|FULL-NAT, IPv4: UDP request/response only (no UOA)"
  "dr-udp|DR, IPv4: UDP request/response only"
  "nat-port-map|NAT, IPv4: VIP:80 mapped to RIP:8080"
  "two-vips-mixed|one director: VIP1:80 in NAT, VIP2:80 in DR"
  "nat-wrong-gateway|NAT: rs2's default route is another router, its replies reach the client from the RIP and are reset"
  "nat-rs-down|NAT: nothing listens on rs2; RSTs (and UDP port unreachables) come back from the VIP"
  "nat-rs-blackhole|NAT: rs2 drops the service's packets; SYNs forwarded, never answered"
  "nat-client-on-rs-subnet|NAT: a client inside the RS network; real servers answer it directly"
  "dr-gateway-is-director|DR: rs2 routes its replies to the director, which drops them (martian source)"
  "dr-arp-leak|DR: rs2 has arp_ignore=0/arp_announce=0, answers ARP for the VIP and announces it"
  "dr-missing-vip|DR: rs2 lacks the VIP on lo and silently drops the forwarded packets"
  "dr-rs-down|DR: nothing listens on rs2; it resets from the VIP straight to the client"
  "dr-udp-wrong-source|DR: rs2's UDP server is bound to the wildcard address and answers from its RIP"
  "dr-port-map|DR configured with RIP:8080 (keepalived); the wire keeps port 80 and the real servers reset from the VIP"
  "nat-capture-offload|NAT: rs1 captures with TSO/GSO/checksum offload on; its capture shows super-segments and unfilled checksums"
)

# --- healthy NAT / FULL-NAT

scn_nat_ok() { nat_ok_common ipv4; }
scn_nat_ok_v6() { nat_ok_common ipv6; }
nat_ok_common() {
  FAMILY=$1
  local vip; vip=$(fam_pick $VIP4 $VIP6)
  describe "NAT ($FAMILY): 20 TCP connections to VIP:80 alternate between rs1 and rs2; the director dnats requests and un-NATs replies"
  topo_nat
  # shellcheck disable=SC2046
  svc_nat director "$vip" 80 tcp $(rs_specs 80)
  server rs1 --bind "$(fam_pick 0.0.0.0 ::)" --tcp-port 80
  server rs2 --bind "$(fam_pick 0.0.0.0 ::)" --tcp-port 80
  captures_nat \
    "client<->VIP only: every connection completes with the VIP as peer; the VIP's address resolution is answered by the director's eth0 MAC" \
    "client side of the director: CIP<->VIP, requests in, un-NATed replies out with source VIP" \
    "RS side of the director: CIP->RIP requests (TTL one lower than at the client side), RIP->CIP replies; no VIP address appears" \
    "both director interfaces in one SLL2 file: each request seen inbound on eth0 as CIP->VIP and outbound on eth1 as CIP->RIP" \
    "rs1: CIP->RIP1 requests and RIP1->CIP replies sent to the director's eth1 MAC" \
    "rs2: CIP->RIP2 requests and RIP2->CIP replies sent to the director's eth1 MAC"
  begin_traffic
  pings client1 "$vip"
  client client1 "$vip" --tcp 20
  end_traffic
}

scn_fullnat_ok() { fullnat_ok_common ipv4; }
scn_fullnat_ok_v6() { fullnat_ok_common ipv6; }
fullnat_toa() {  # VIP PORT PROTO
  local what=TOA; [[ $3 == udp ]] && what=UOA
  misconfig toa "$(fam_pick $LIP4 $LIP6)" "$1" "$2" "$3" \
    "the director (nftables emulation of FULL-NAT) inserts no $what, so the real servers only ever see the local address $(fam_pick $LIP4 $LIP6) as client"
}
fullnat_ok_common() {
  FAMILY=$1
  local vip lip; vip=$(fam_pick $VIP4 $VIP6); lip=$(fam_pick $LIP4 $LIP6)
  describe "FULL-NAT ($FAMILY): 20 TCP connections; the director dnats to rs1/rs2 and snats the client to the local address $lip with a new source port"
  topo_nat
  addr director eth1 "$lip/$(fam_pick 24 64)"
  nsx rs1 ip "-${FAMILY#ipv}" route del default; nsx rs2 ip "-${FAMILY#ipv}" route del default
  m gateway rs1 -; m gateway rs2 -
  note rs1 "no default route: FULL-NAT replies go to the on-link local address"
  note rs2 "no default route: FULL-NAT replies go to the on-link local address"
  note director "FULL-NAT emulated with nftables: dnat + snat to the LIP (random port 1025-65535), client SYN timestamps NOP-filled, RS SYN-ACK MSS set to $(fam_pick 1452 1420); no TOA, no sequence shift"
  # shellcheck disable=SC2046
  svc_fullnat director eth1 "$lip" "$vip" 80 tcp $(rs_specs 80)
  fullnat_toa "$vip" 80 tcp
  server rs1 --bind "$(fam_pick 0.0.0.0 ::)" --tcp-port 80
  server rs2 --bind "$(fam_pick 0.0.0.0 ::)" --tcp-port 80
  captures_nat \
    "client<->VIP only, every connection completes; SYN-ACKs carry the lowered MSS" \
    "client side of the director: CIP<->VIP" \
    "RS side of the director: LIP->RIP with source ports unlike the client's, SYNs with the timestamp option NOP-filled and no TOA; no client address appears" \
    "both director interfaces in one SLL2 file: CIP->VIP in on eth0, LIP->RIP out on eth1" \
    "rs1: only LIP<->RIP1, the client address never appears" \
    "rs2: only LIP<->RIP2, the client address never appears"
  begin_traffic
  pings client1 "$vip"
  client client1 "$vip" --tcp 20
  end_traffic
}

# --- healthy DR

scn_dr_ok() { dr_ok_common ipv4; }
scn_dr_ok_v6() { dr_ok_common ipv6; }
dr_ok_common() {
  FAMILY=$1
  local vip; vip=$(fam_pick $VIP4 $VIP6)
  describe "DR ($FAMILY): 20 TCP connections; the director forwards each request to rs1 or rs2 changing only the destination MAC, replies go from the RS to the router"
  topo_dr
  dr_rs_setup rs1; dr_rs_setup rs2
  # shellcheck disable=SC2046
  svc_dr director eth0 "$vip" 80 tcp $(rs_specs 80)
  server rs1 --bind "$(fam_pick 0.0.0.0 ::)" --tcp-port 80
  server rs2 --bind "$(fam_pick 0.0.0.0 ::)" --tcp-port 80
  captures_dr \
    "client<->VIP only, every connection completes" \
    "router's segment side: requests to the director's MAC, replies from the VIP arriving from rs1/rs2 MACs; only the director answers address resolution for the VIP" \
    "the whole segment: each client->VIP packet twice, router->director and director->RS, identical IP and TCP headers except TTL one lower; replies once, RS->router" \
    "director: each request in (dst MAC = director) and out again (dst MAC = RS), never a reply from the VIP except the director's own ping replies" \
    "director in SLL2: the same request inbound then outbound on eth0" \
    "rs1: CIP->VIP requests (VIP on lo) from the director's MAC, VIP->CIP replies to the router's MAC" \
    "rs2: CIP->VIP requests (VIP on lo) from the director's MAC, VIP->CIP replies to the router's MAC"
  begin_traffic
  pings client1 "$vip"
  client client1 "$vip" --tcp 20
  end_traffic
}

# --- UDP services

scn_nat_udp() {
  FAMILY=ipv4
  describe "NAT (ipv4): 10 UDP request/response exchanges, each from a new client port, alternate between rs1 and rs2"
  topo_nat
  # shellcheck disable=SC2046
  svc_nat director $VIP4 8053 udp $(rs_specs 8053)
  server rs1 --bind 0.0.0.0 --udp-port 8053
  server rs2 --bind 0.0.0.0 --udp-port 8053
  captures_nat \
    "client<->VIP:8053 only; every request answered from the VIP" \
    "client side of the director: CIP<->VIP UDP" \
    "RS side: CIP->RIP:8053 and RIP:8053->CIP" \
    "each datagram inbound on one interface and outbound on the other" \
    "rs1: CIP->RIP1 requests, replies to the director's MAC" \
    "rs2: CIP->RIP2 requests, replies to the director's MAC"
  begin_traffic
  client client1 $VIP4 --udp 10 --udp-port 8053
  end_traffic
}

scn_fullnat_udp() {
  FAMILY=ipv4
  describe "FULL-NAT (ipv4): 10 UDP exchanges; the real servers see the local address $LIP4 as the client"
  topo_nat
  addr director eth1 "$LIP4/24"
  note director "FULL-NAT emulated with nftables: dnat + snat to the LIP (random port 1025-65535); no UOA"
  # shellcheck disable=SC2046
  svc_fullnat director eth1 $LIP4 $VIP4 8053 udp $(rs_specs 8053)
  fullnat_toa $VIP4 8053 udp
  server rs1 --bind 0.0.0.0 --udp-port 8053
  server rs2 --bind 0.0.0.0 --udp-port 8053
  captures_nat \
    "client<->VIP:8053 only; every request answered" \
    "client side of the director: CIP<->VIP UDP" \
    "RS side: LIP->RIP:8053 with new source ports, RIP:8053->LIP" \
    "each datagram inbound on one interface and outbound on the other" \
    "rs1: LIP<->RIP1 only" \
    "rs2: LIP<->RIP2 only"
  begin_traffic
  client client1 $VIP4 --udp 10 --udp-port 8053
  end_traffic
}

scn_dr_udp() {
  FAMILY=ipv4
  describe "DR (ipv4): 10 UDP exchanges; requests forwarded by MAC, answers from the VIP straight to the router"
  topo_dr
  dr_rs_setup rs1; dr_rs_setup rs2
  # shellcheck disable=SC2046
  svc_dr director eth0 $VIP4 8053 udp $(rs_specs 8053)
  server rs1 --bind $VIP4 --udp-port 8053
  server rs2 --bind $VIP4 --udp-port 8053
  captures_dr \
    "client<->VIP:8053 only; every request answered from the VIP" \
    "router: requests to the director's MAC, answers from the RS MACs with source VIP" \
    "segment: each request twice (to the director, then to an RS), answers once" \
    "director: requests in and out with only the destination MAC (and TTL) changed" \
    "director SLL2: each request inbound then outbound on eth0" \
    "rs1: CIP->VIP:8053 from the director's MAC; VIP->CIP to the router" \
    "rs2: CIP->VIP:8053 from the director's MAC; VIP->CIP to the router"
  begin_traffic
  client client1 $VIP4 --udp 10 --udp-port 8053
  end_traffic
}

# --- port mapping and a mixed director

scn_nat_port_map() {
  FAMILY=ipv4
  describe "NAT (ipv4) with port mapping: VIP:80 is served by rs1 and rs2 on port 8080"
  topo_nat
  # shellcheck disable=SC2046
  svc_nat director $VIP4 80 tcp $(rs_specs 8080)
  server rs1 --bind 0.0.0.0 --tcp-port 8080
  server rs2 --bind 0.0.0.0 --tcp-port 8080
  captures_nat \
    "client<->VIP:80 only, every connection completes" \
    "client side of the director: CIP<->VIP:80" \
    "RS side: CIP->RIP:8080, RIP:8080->CIP" \
    "each request inbound as CIP->VIP:80 on eth0, outbound as CIP->RIP:8080 on eth1" \
    "rs1: port 8080 only" \
    "rs2: port 8080 only"
  begin_traffic
  client client1 $VIP4 --tcp 20
  end_traffic
}

# One director, one segment towards the router for the DR service, a second
# NIC for the NAT real servers (the real-server network is split in /25s).
scn_two_vips_mixed() {
  FAMILY=ipv4
  describe "one director: VIP1 $VIP4:80 in NAT to rs1/rs2 behind its second NIC, VIP2 $VIP4B:80 in DR to rs3/rs4 on the router's segment"
  make_switch
  bridge net-c 02:00:00:00:05:01
  bridge net-s 02:00:00:00:05:03
  bridge net-r 02:00:00:00:05:02
  make_host client1 client
  make_host router router
  make_host rs1 real-server
  make_host rs2 real-server
  make_host rs3 real-server
  make_host rs4 real-server
  make_host director director
  link client1 eth0 $MAC_CLIENT1 net-c
  link router eth0 $MAC_RT0 net-c
  link router eth1 $MAC_RT1 net-s
  link rs3 eth0 $MAC_RS3 net-s
  link rs4 eth0 $MAC_RS4 net-s
  link director eth0 $MAC_DIR0 net-s
  link director eth1 $MAC_DIR1 net-r
  link rs1 eth0 $MAC_RS1 net-r
  link rs2 eth0 $MAC_RS2 net-r
  addr client1 eth0 $CIP4/24; gateway client1 $CGW4
  addr router eth0 $CGW4/24; addr router eth1 192.0.2.126/25; route router 198.51.100.0/24 dev eth1
  forwarding router
  addr director eth0 192.0.2.1/25; addr director eth0 $VIP4/32; addr director eth0 $VIP4B/32
  addr director eth1 192.0.2.129/25; gateway director 192.0.2.126
  forwarding director
  sx director net.ipv4.conf.all.send_redirects=0 net.ipv4.conf.default.send_redirects=0
  note director "send_redirects=0 (IPVS never sends ICMP redirects)"
  addr rs1 eth0 192.0.2.131/25; gateway rs1 192.0.2.129
  addr rs2 eth0 192.0.2.132/25; gateway rs2 192.0.2.129
  addr rs3 eth0 192.0.2.21/25; gateway rs3 192.0.2.126; dr_rs_setup rs3 $VIP4B
  addr rs4 eth0 192.0.2.22/25; gateway rs4 192.0.2.126; dr_rs_setup rs4 $VIP4B
  tcp_syn_retries_1 client1
  svc_nat director $VIP4 80 tcp rs1,192.0.2.131,80,1 rs2,192.0.2.132,80,1
  svc_dr director eth0 $VIP4B 80 tcp rs3,192.0.2.21,80,1 rs4,192.0.2.22,80,1
  local h; for h in rs1 rs2 rs3 rs4; do server $h --bind 0.0.0.0 --tcp-port 80; done
  capture client.pcap client1 eth0 client client "client<->VIP1 and client<->VIP2, all connections complete"
  capture router.pcap router eth1 router-eth1 router "router: both VIPs resolve to the director's MAC; VIP2 replies arrive from rs3/rs4 MACs, VIP1 replies from the director"
  capture segment.pcap sw net-s segment segment "segment: VIP2 requests twice (router->director, director->rs3/rs4), VIP1 traffic only between router and director"
  capture director-eth0.pcap director eth0 director-eth0 director "director segment side: VIP1 both directions, VIP2 requests in and out by MAC only"
  capture director-eth1.pcap director eth1 director-eth1 director "director NAT side: CIP<->RIP for rs1/rs2 only"
  capture director-any.pcap director any director-any director "both director interfaces in SLL2"
  capture rs1.pcap rs1 eth0 rs1 real-server "rs1 (NAT): CIP->192.0.2.131 requests, replies to the director"
  capture rs2.pcap rs2 eth0 rs2 real-server "rs2 (NAT): CIP->192.0.2.132 requests, replies to the director"
  capture rs3.pcap rs3 eth0 rs3 real-server "rs3 (DR): CIP->VIP2 requests from the director's MAC, replies to the router"
  capture rs4.pcap rs4 eth0 rs4 real-server "rs4 (DR): CIP->VIP2 requests from the director's MAC, replies to the router"
  begin_traffic
  client client1 $VIP4 --tcp 12
  client client1 $VIP4B --tcp 12
  end_traffic
}

# --- NAT misconfigurations

scn_nat_wrong_gateway() {
  FAMILY=ipv4
  describe "NAT (ipv4): rs2's default route is router2, which forwards its replies straight to the client: SYN-ACKs from the RIP, reset by the client"
  topo_nat
  make_host router2 router
  link router2 eth0 $MAC_RT2_0 net-r
  link router2 eth1 $MAC_RT2_1 net-c
  addr router2 eth0 $RGW4/24; addr router2 eth1 203.0.113.254/24
  forwarding router2
  nsx rs2 ip route replace default via $RGW4; m gateway rs2 $RGW4
  # shellcheck disable=SC2046
  svc_nat director $VIP4 80 tcp $(rs_specs 80)
  misconfig wrong-gateway $RIP4_2 $VIP4 80 tcp "rs2's default route is router2 ($RGW4), not the director, so its replies bypass the director and reach the client with source $RIP4_2"
  server rs1 --bind 0.0.0.0 --tcp-port 80
  server rs2 --bind 0.0.0.0 --tcp-port 80
  captures_nat \
    "client: connections via rs1 complete; for rs2's share the client sees SYN-ACKs from RIP2:80 (source MAC router2), answers each with a RST to RIP2, and retransmits its SYN to the VIP until it gives up" \
    "client side of the director: SYNs for rs2's connections are never answered by the VIP" \
    "RS side: SYNs CIP->RIP2 forwarded, no SYN-ACK from RIP2 ever returns; the client's RSTs to RIP2 pass through" \
    "SLL2: rs2's connections only ever inbound SYN on eth0 and outbound SYN on eth1" \
    "rs1: healthy, replies to the director" \
    "rs2: SYN-ACKs RIP2->CIP sent to router2's MAC; RSTs from the client come back"
  capture router2.pcap router2 eth0 router2-eth0 router "router2: rs2's SYN-ACKs to the client enter here; nothing else"
  begin_traffic
  pings client1 $VIP4
  client client1 $VIP4 --tcp 20 --timeout 1.5 --parallel 4
  end_traffic
}

scn_nat_rs_down() {
  FAMILY=ipv4
  describe "NAT (ipv4): nothing listens on rs2; its TCP RSTs and ICMP port unreachables come back to the client from the VIP"
  topo_nat
  # shellcheck disable=SC2046
  svc_nat director $VIP4 80 tcp $(rs_specs 80)
  # shellcheck disable=SC2046
  svc_nat director $VIP4 8053 udp $(rs_specs 8053)
  misconfig refused $RIP4_2 $VIP4 80 tcp "no service listens on rs2 port 80; its RSTs reach the client as RSTs from the VIP"
  misconfig refused $RIP4_2 $VIP4 8053 udp "no service listens on rs2 port 8053; its ICMP port unreachables reach the client from the VIP"
  server rs1 --bind 0.0.0.0 --tcp-port 80 --udp-port 8053
  captures_nat \
    "client: half the connections refused by RST from VIP:80; half the UDP requests answered by ICMP port unreachable from the VIP (the quoted datagram rewritten to CIP->VIP)" \
    "client side of the director: the un-NATed RSTs and ICMP errors leave with source VIP" \
    "RS side: RSTs and ICMP port unreachables from RIP2" \
    "SLL2: each RST/ICMP from RIP2 inbound on eth1 then outbound from the VIP on eth0" \
    "rs1: healthy" \
    "rs2: RST for every SYN, ICMP port unreachable for every UDP request"
  begin_traffic
  client client1 $VIP4 --tcp 20 --udp 10 --udp-port 8053
  end_traffic
}

scn_nat_rs_blackhole() {
  FAMILY=ipv4
  describe "NAT (ipv4): rs2 silently drops the service's packets (firewall); the director keeps forwarding SYNs that are never answered"
  topo_nat
  nsx rs2 nft add table ip fw
  nsx rs2 nft add chain ip fw in '{ type filter hook input priority 0; }'
  nsx rs2 nft add rule ip fw in tcp dport 80 drop
  note rs2 "nftables input rule drops tcp dport 80"
  # shellcheck disable=SC2046
  svc_nat director $VIP4 80 tcp $(rs_specs 80)
  misconfig no-response $RIP4_2 $VIP4 80 tcp "rs2 drops every packet to port 80: connections scheduled there time out"
  server rs1 --bind 0.0.0.0 --tcp-port 80
  server rs2 --bind 0.0.0.0 --tcp-port 80
  captures_nat \
    "client: rs1's connections complete, rs2's show a SYN and its retransmission to the VIP, no answer" \
    "client side of the director: unanswered SYNs" \
    "RS side: SYNs CIP->RIP2 forwarded (retransmissions too), nothing from RIP2" \
    "SLL2: unanswered SYNs in on eth0 and out on eth1" \
    "rs1: healthy" \
    "rs2: SYNs arrive, nothing leaves for them"
  begin_traffic
  client client1 $VIP4 --tcp 20 --timeout 1.5 --parallel 4
  end_traffic
}

scn_nat_client_on_rs_subnet() {
  FAMILY=ipv4
  describe "NAT (ipv4): client2 sits in the real-server network; the real servers answer it on-link from their RIPs and client2 resets them, while client1 outside works"
  topo_nat
  make_host client2 client
  link client2 eth0 $MAC_CLIENT2 net-r
  addr client2 eth0 192.0.2.50/24; gateway client2 $DIP4
  tcp_syn_retries_1 client2
  # shellcheck disable=SC2046
  svc_nat director $VIP4 80 tcp $(rs_specs 80)
  misconfig asymmetric-path 192.0.2.50 $VIP4 80 tcp "client2 (192.0.2.50) is on the real servers' subnet: their replies go to it directly with source RIP, bypassing the director's un-NAT"
  server rs1 --bind 0.0.0.0 --tcp-port 80
  server rs2 --bind 0.0.0.0 --tcp-port 80
  captures_nat \
    "client1: all its connections complete through the VIP" \
    "client side of the director: client1's traffic only" \
    "RS side: client2's SYNs arrive from client2 to the VIP and leave again to a RIP on the same NIC; the RS SYN-ACKs to client2 never come back to the director" \
    "SLL2: client2's SYNs in and out on eth1" \
    "rs1: SYN-ACKs to client2 sent to client2's own MAC" \
    "rs2: SYN-ACKs to client2 sent to client2's own MAC"
  capture client2.pcap client2 eth0 client2 client "client2: SYNs to the VIP via the director, SYN-ACKs straight from RIP1/RIP2, each answered with a RST; no connection completes"
  begin_traffic
  client client1 $VIP4 --tcp 12
  client client2 $VIP4 --tcp 12 --timeout 1.5 --parallel 4
  end_traffic
}

# --- DR misconfigurations

scn_dr_gateway_is_director() {
  FAMILY=ipv4
  describe "DR (ipv4): rs2's default gateway is the director; the director drops those replies as martian (their source is its own VIP), so rs2's connections never complete"
  topo_dr
  dr_rs_setup rs1; dr_rs_setup rs2
  nsx rs2 ip route replace default via $DIP4; m gateway rs2 $DIP4
  forwarding director
  note director "ip_forward=1 and accept_local=0: packets arriving with its own VIP as source are dropped as martian source before forwarding"
  # shellcheck disable=SC2046
  svc_dr director eth0 $VIP4 80 tcp $(rs_specs 80)
  misconfig wrong-gateway $RIP4_2 $VIP4 80 tcp "rs2's default gateway is the director ($DIP4): its VIP-sourced replies are sent to the director, which drops them as martian source"
  server rs1 --bind 0.0.0.0 --tcp-port 80
  server rs2 --bind 0.0.0.0 --tcp-port 80
  captures_dr \
    "client: rs1's connections complete; rs2's get no SYN-ACK (SYN plus one retransmission)" \
    "router: never sees a reply from rs2" \
    "segment: rs2's SYN-ACKs VIP->CIP addressed to the director's MAC" \
    "director: receives rs2's SYN-ACKs (source VIP, source MAC rs2) and sends nothing in response or onward" \
    "director SLL2: rs2's replies only inbound" \
    "rs1: healthy" \
    "rs2: SYN-ACKs (retransmitted) sent to the director's MAC"
  begin_traffic
  client client1 $VIP4 --tcp 20 --timeout 1.5 --parallel 4
  end_traffic
}

scn_dr_arp_leak() {
  FAMILY=ipv4
  describe "DR (ipv4): rs2 keeps arp_ignore=0/arp_announce=0; it answers the router's ARP for the VIP and, once its own neighbour entry expires, announces the VIP in its ARP request, so the router sends clients straight to rs2"
  topo_dr
  dr_rs_setup rs1; vip_on_lo rs2 $VIP4
  note rs2 "arp_ignore=0, arp_announce=0 (defaults left in place)"
  # shellcheck disable=SC2046
  svc_dr director eth0 $VIP4 80 tcp $(rs_specs 80)
  misconfig arp-leak $RIP4_2 $VIP4 80 tcp "rs2 (MAC $MAC_RS2) answers ARP requests for the VIP and uses the VIP as ARP sender address; the router's entry for the VIP flips to rs2 and traffic bypasses the director"
  server rs1 --bind 0.0.0.0 --tcp-port 80
  server rs2 --bind 0.0.0.0 --tcp-port 80
  captures_dr \
    "client: all connections complete; the client cannot tell which path served them" \
    "router: ARP replies for the VIP from both the director and rs2; an ARP request from rs2 with sender address VIP; client->VIP frames to rs2's MAC during the middle phase" \
    "segment: both ARP replies for the VIP, rs2's VIP-sourced ARP request, and client->VIP frames from the router straight to rs2 (bypassing the director)" \
    "director: traffic only in the first and last phase" \
    "director SLL2: as director-eth0" \
    "rs1: receives requests only via the director" \
    "rs2: receives requests from the director's MAC and, in the middle phase, from the router's MAC"
  begin_traffic
  client client1 $VIP4 --tcp 8
  nsx rs2 ip neigh flush dev eth0          # rs2's neighbour entries expire
  client client1 $VIP4 --tcp 8
  nsx router ip neigh flush dev eth1       # the router's entry for the VIP expires
  client client1 $VIP4 --tcp 8
  end_traffic
}

scn_dr_missing_vip() {
  FAMILY=ipv4
  describe "DR (ipv4): rs2 has no VIP on lo; it drops the requests the director forwards to it (ip_forward=0), so those connections time out"
  topo_dr
  dr_rs_setup rs1; arp_suppress rs2 eth0
  note rs2 "VIP not configured; ip_forward=0"
  # shellcheck disable=SC2046
  svc_dr director eth0 $VIP4 80 tcp $(rs_specs 80)
  misconfig no-response $RIP4_2 $VIP4 80 tcp "the VIP is not configured on rs2, which silently drops the packets the director sends it"
  server rs1 --bind 0.0.0.0 --tcp-port 80
  server rs2 --bind 0.0.0.0 --tcp-port 80
  captures_dr \
    "client: rs1's connections complete; rs2's SYNs (and one retransmission each) are never answered" \
    "router: no replies for rs2's connections" \
    "segment: SYNs forwarded to rs2's MAC, nothing from rs2" \
    "director: rs2's SYNs in and out" \
    "director SLL2: as director-eth0" \
    "rs1: healthy" \
    "rs2: CIP->VIP SYNs arrive and nothing is sent"
  begin_traffic
  client client1 $VIP4 --tcp 20 --timeout 1.5 --parallel 4
  end_traffic
}

scn_dr_rs_down() {
  FAMILY=ipv4
  describe "DR (ipv4): nothing listens on rs2; it resets connections with source VIP directly to the client, bypassing the director"
  topo_dr
  dr_rs_setup rs1; dr_rs_setup rs2
  # shellcheck disable=SC2046
  svc_dr director eth0 $VIP4 80 tcp $(rs_specs 80)
  misconfig refused $RIP4_2 $VIP4 80 tcp "no service listens on rs2 port 80; it answers SYNs with RSTs from the VIP"
  server rs1 --bind 0.0.0.0 --tcp-port 80
  captures_dr \
    "client: half the connections refused by RST from VIP:80" \
    "router: the RSTs arrive from rs2's MAC" \
    "segment: SYN forwarded to rs2, RST from rs2 to the router" \
    "director: only requests, no RST" \
    "director SLL2: as director-eth0" \
    "rs1: healthy" \
    "rs2: RST,ACK from VIP:80 for every SYN"
  begin_traffic
  client client1 $VIP4 --tcp 20
  end_traffic
}

scn_dr_udp_wrong_source() {
  FAMILY=ipv4
  describe "DR (ipv4): rs2's UDP server is bound to 0.0.0.0, so it answers from its RIP instead of the VIP; the client's connected socket rejects those answers with ICMP port unreachable"
  topo_dr
  dr_rs_setup rs1; dr_rs_setup rs2
  # shellcheck disable=SC2046
  svc_dr director eth0 $VIP4 8053 udp $(rs_specs 8053)
  misconfig wrong-source $RIP4_2 $VIP4 8053 udp "rs2's UDP service listens on the wildcard address and replies with source $RIP4_2 instead of the VIP"
  note rs2 "UDP server bound to 0.0.0.0 (replies take the route's source address, the RIP)"
  server rs1 --bind $VIP4 --udp-port 8053
  server rs2 --bind 0.0.0.0 --udp-port 8053
  captures_dr \
    "client: rs1's answers come from the VIP; rs2's come from RIP2 and draw ICMP port unreachable from the client" \
    "router: rs2's answers with source RIP2" \
    "segment: requests to rs2 by MAC with destination VIP, answers from RIP2" \
    "director: requests only" \
    "director SLL2: as director-eth0" \
    "rs1: answers from the VIP" \
    "rs2: requests to the VIP, answers from RIP2, ICMP port unreachable back from the client"
  begin_traffic
  client client1 $VIP4 --udp 10 --udp-port 8053
  end_traffic
}

scn_dr_port_map() {
  FAMILY=ipv4
  describe "DR (ipv4) configured with port mapping VIP:80 -> RIP:8080 (accepted by keepalived, impossible in DR): requests still reach the real servers on port 80, where nothing listens, and they reset from the VIP"
  topo_dr
  dr_rs_setup rs1; dr_rs_setup rs2
  # shellcheck disable=SC2046
  svc_dr director eth0 $VIP4 80 tcp $(rs_specs 8080)
  misconfig unsupported-config $RIP4_1 $VIP4 80 tcp "real server 192.0.2.11:8080 on a DR service: DR cannot change the port, requests arrive on port 80"
  misconfig unsupported-config $RIP4_2 $VIP4 80 tcp "real server 192.0.2.12:8080 on a DR service: DR cannot change the port, requests arrive on port 80"
  server rs1 --bind 0.0.0.0 --tcp-port 8080
  server rs2 --bind 0.0.0.0 --tcp-port 8080
  captures_dr \
    "client: every connection refused by RST from VIP:80" \
    "router: RSTs from the VIP arriving from rs1/rs2 MACs" \
    "segment: SYNs to VIP:80 forwarded to rs1/rs2 by MAC (port unchanged), RSTs from the real servers to the router" \
    "director: SYNs in and out, destination port 80 both times" \
    "director SLL2: as director-eth0" \
    "rs1: SYN to VIP:80 (not 8080), RST,ACK from VIP:80" \
    "rs2: SYN to VIP:80 (not 8080), RST,ACK from VIP:80"
  begin_traffic
  client client1 $VIP4 --tcp 20
  end_traffic
}

scn_nat_capture_offload() {
  FAMILY=ipv4
  describe "NAT (ipv4) as nat-ok, but rs1's interface keeps TSO/GSO/GRO and checksum offload on, as on most real hosts: rs1's capture shows TCP segments larger than the MTU and checksums the NIC would fill in later"
  topo_nat
  nsx rs1 ethtool -K eth0 tso on gso on gro on tx on rx on sg on >/dev/null
  note rs1 "eth0 offloads on (tso gso gro tx rx sg)"
  # shellcheck disable=SC2046
  svc_nat director $VIP4 80 tcp $(rs_specs 80)
  misconfig capture-quality $RIP4_1 $VIP4 80 tcp "rs1.pcap was taken on an interface with segmentation and checksum offload: super-segments above the MTU and unverifiable checksums are capture artifacts, not wire errors"
  server rs1 --bind 0.0.0.0 --tcp-port 80
  server rs2 --bind 0.0.0.0 --tcp-port 80
  captures_nat \
    "client: every connection completes; all segments within the MTU and checksums correct" \
    "client side of the director: normal" \
    "RS side of the director: rs1's replies already cut into MTU-sized segments with correct checksums" \
    "SLL2: as eth0 and eth1" \
    "rs1: reply segments larger than the MTU and TCP checksums not filled in (offload)" \
    "rs2: normal, offloads off"
  begin_traffic
  client client1 $VIP4 --tcp 20
  end_traffic
}

# ------------------------------------------------------------------ driver

scenario_names() { local s; for s in "${SCENARIOS[@]}"; do echo "${s%%|*}"; done; }

run_scenario() {
  SCEN=$1
  local out=${2:-$FIXTURES/captures/$SCEN} fn="scn_${1//-/_}"
  declare -F "$fn" >/dev/null || die "unknown scenario '$SCEN' (see --list)"
  mkdir -p "$out"
  OUT=$(cd "$out" && pwd)
  local attempt
  # A capture that lost packets in the kernel is not ground truth: run again.
  for attempt in 1 2 3; do
    WORK=$(mktemp -d "/tmp/lvscope-lab.$SCEN.XXXXXX")
    MANIFEST="$WORK/manifest.tsv"
    rm -f "$OUT"/*.pcap "$OUT"/scenario.json
    FAMILY=ipv4 TCP_TOTAL=0 UDP_TOTAL=0 PING_TOTAL=0 PORTS=0 SETTLED=0 DROPPED=0
    m scenario "$SCEN"
    log "building (attempt $attempt)"
    "$fn"
    teardown
    [[ $DROPPED == 1 ]] || break
    [[ $attempt == 3 ]] && die "captures keep dropping packets; machine too busy?"
    rm -rf "$WORK"; WORK=""
  done
  m family "$FAMILY"
  m traffic "$TCP_TOTAL" "$TCP_SIZES" "$UDP_TOTAL" "$UDP_SIZES" "$PING_TOTAL"
  cat "$WORK"/outcome.*.jsonl > "$WORK/outcome.jsonl" 2>/dev/null || : > "$WORK/outcome.jsonl"
  python3 "$LAB_DIR/scenario.py" --manifest "$MANIFEST" --outcome "$WORK/outcome.jsonl" \
    --captures "$OUT" --config "$FIXTURES/config"
  python3 "$LAB_DIR/verify.py" "$OUT"
  log "done: $(du -sh "$OUT" | cut -f1) in $OUT"
  rm -rf "$WORK"; WORK=""
}

main() {
  case ${1:-} in
    --list) local s; for s in "${SCENARIOS[@]}"; do printf '%-26s %s\n' "${s%%|*}" "${s#*|}"; done ;;
    --all)
      preflight; trap on_exit EXIT; trap 'exit 130' INT TERM
      local s; for s in $(scenario_names); do run_scenario "$s" "${2:+$2/$s}"; done ;;
    ""|-h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' ;;
    -*) die "unknown option $1" ;;
    *) preflight; trap on_exit EXIT; trap 'exit 130' INT TERM; run_scenario "$1" "${2:-}" ;;
  esac
}

SCEN=-
main "$@"

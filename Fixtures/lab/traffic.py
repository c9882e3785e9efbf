#!/usr/bin/env python3
"""Bounded traffic for the lvscope lab (python3 standard library only).

server: answers TCP requests "GET <bytes>\\n" with exactly that many bytes and
        closes; answers each UDP datagram "Q <bytes>" with that many bytes.
        Runs until SIGTERM/SIGINT or --lifetime seconds, whichever is first.
client: N TCP connections cycling through --sizes, M UDP request/response pairs
        (a fresh socket, hence a fresh source port, per exchange), every socket
        with a timeout, the whole run capped by --deadline. Prints a JSON outcome.

Payload bytes are a fixed pattern so the same request gives the same bytes in
every run (captures can be compared by payload digest).
"""

import argparse
import json
import signal
import socket
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

PATTERN = b"lvscope-lab-payload-0123456789abcdefghijklmnopqrstuvwxyz\n"
MAX_BYTES = 1_000_000


def payload(n):
    reps = n // len(PATTERN) + 1
    return (PATTERN * reps)[:n]


def family_of(addr):
    return socket.AF_INET6 if ":" in addr else socket.AF_INET


def parse_size(text, prefix):
    parts = text.strip().split()
    if len(parts) != 2 or parts[0] != prefix:
        return None
    try:
        n = int(parts[1])
    except ValueError:
        return None
    return n if 0 <= n <= MAX_BYTES else None


# ---------------------------------------------------------------- server

def serve_tcp_conn(conn):
    try:
        conn.settimeout(2.0)
        buf = b""
        while b"\n" not in buf and len(buf) < 64:
            chunk = conn.recv(64)
            if not chunk:
                return
            buf += chunk
        n = parse_size(buf.split(b"\n", 1)[0].decode("ascii", "replace"), "GET")
        if n is not None:
            conn.sendall(payload(n))
        conn.shutdown(socket.SHUT_WR)
        # Drain until the peer closes so our close never discards unread
        # data (which would turn the FIN into a RST).
        while conn.recv(4096):
            pass
    except OSError:
        pass
    finally:
        conn.close()


def tcp_listener(sock, stop):
    sock.settimeout(0.2)
    while not stop.is_set():
        try:
            conn, _ = sock.accept()
        except socket.timeout:
            continue
        except OSError:
            return
        threading.Thread(target=serve_tcp_conn, args=(conn,), daemon=True).start()


def udp_responder(sock, stop):
    sock.settimeout(0.2)
    while not stop.is_set():
        try:
            data, peer = sock.recvfrom(2048)
        except socket.timeout:
            continue
        except OSError:
            return
        n = parse_size(data.decode("ascii", "replace"), "Q")
        if n is not None and n <= 1400:
            try:
                sock.sendto(payload(n), peer)
            except OSError:
                pass


def run_server(args):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    threads = []
    for addr in args.bind:
        fam = family_of(addr)
        for port in args.tcp_port:
            s = socket.socket(fam, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if fam == socket.AF_INET6:
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            s.bind((addr, port))
            s.listen(128)
            threads.append(threading.Thread(target=tcp_listener, args=(s, stop), daemon=True))
        for port in args.udp_port:
            s = socket.socket(fam, socket.SOCK_DGRAM)
            if fam == socket.AF_INET6:
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            s.bind((addr, port))
            threads.append(threading.Thread(target=udp_responder, args=(s, stop), daemon=True))
    for t in threads:
        t.start()
    if args.ready:
        with open(args.ready, "w") as f:
            f.write("ready\n")
    stop.wait(args.lifetime)
    stop.set()
    return 0


# ---------------------------------------------------------------- client

def tcp_exchange(target, port, size, timeout):
    s = socket.socket(family_of(target), socket.SOCK_STREAM)
    s.settimeout(timeout)
    try:
        s.connect((target, port))
        s.sendall(b"GET %d\n" % size)
        got = 0
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            got += len(chunk)
        return "ok" if got == size else "short"
    except socket.timeout:
        return "timeout"
    except ConnectionRefusedError:
        return "refused"
    except ConnectionResetError:
        return "reset"
    except OSError as e:
        return "error:%s" % (e.strerror or e)
    finally:
        s.close()


def udp_exchange(target, port, size, timeout):
    s = socket.socket(family_of(target), socket.SOCK_DGRAM)
    s.settimeout(timeout)
    try:
        # connect() as stub resolvers do: replies from any other source
        # address are refused by the kernel (ICMP port unreachable).
        s.connect((target, port))
        s.send(b"Q %d" % size)
        data = s.recv(2048)
        return "ok" if len(data) == size else "short"
    except socket.timeout:
        return "timeout"
    except ConnectionRefusedError:
        return "refused"
    except OSError as e:
        return "error:%s" % (e.strerror or e)
    finally:
        s.close()


def run_batch(jobs, parallel, deadline):
    """Run callables in order (or `parallel` at a time); skip once past deadline."""
    results = []
    if parallel <= 1:
        for job in jobs:
            results.append("skipped" if time.monotonic() > deadline else job())
        return results
    with ThreadPoolExecutor(max_workers=parallel) as pool:
        futures = []
        for job in jobs:
            futures.append(pool.submit(lambda j=job: "skipped" if time.monotonic() > deadline else j()))
            time.sleep(0.02)  # keep SYN order stable so round robin is reproducible
        for f in futures:
            results.append(f.result())
    return results


def tally(results):
    out = {}
    for r in results:
        out[r] = out.get(r, 0) + 1
    return dict(sorted(out.items()))


def run_client(args):
    deadline = time.monotonic() + args.deadline
    sizes = [int(x) for x in args.sizes.split(",")] if args.sizes else [64]
    usizes = [int(x) for x in args.udp_sizes.split(",")] if args.udp_sizes else [64]
    tcp_jobs = [
        (lambda i=i: tcp_exchange(args.target, args.tcp_port, sizes[i % len(sizes)], args.timeout))
        for i in range(args.tcp)
    ]
    udp_jobs = [
        (lambda i=i: udp_exchange(args.target, args.udp_port, usizes[i % len(usizes)], args.timeout))
        for i in range(args.udp)
    ]
    tcp_results = run_batch(tcp_jobs, args.parallel, deadline)
    udp_results = run_batch(udp_jobs, 1, deadline)
    outcome = {
        "target": args.target,
        "tcp": tally(tcp_results),
        "udp": tally(udp_results),
    }
    text = json.dumps(outcome, sort_keys=True)
    print(text)
    if args.report:
        with open(args.report, "a") as f:
            f.write(text + "\n")
    return 0


def main(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("server")
    s.add_argument("--bind", action="append", required=True, help="address to bind (repeatable)")
    s.add_argument("--tcp-port", action="append", type=int, default=[])
    s.add_argument("--udp-port", action="append", type=int, default=[])
    s.add_argument("--ready", help="file written once all sockets listen")
    s.add_argument("--lifetime", type=float, default=120.0)
    c = sub.add_parser("client")
    c.add_argument("--target", required=True)
    c.add_argument("--tcp", type=int, default=0, help="number of TCP connections")
    c.add_argument("--tcp-port", type=int, default=80)
    c.add_argument("--sizes", default="64,1400,6000,30000")
    c.add_argument("--udp", type=int, default=0, help="number of UDP exchanges")
    c.add_argument("--udp-port", type=int, default=8053)
    c.add_argument("--udp-sizes", default="64,512,1200")
    c.add_argument("--timeout", type=float, default=1.5)
    c.add_argument("--parallel", type=int, default=1)
    c.add_argument("--deadline", type=float, default=60.0)
    c.add_argument("--report", help="append the JSON outcome to this file")
    args = p.parse_args(argv)
    return run_server(args) if args.cmd == "server" else run_client(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

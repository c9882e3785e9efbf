#!/usr/bin/env python3
"""Guard for performance work: records the outputs of `lvscope flows --format tsv` and
`lvscope analyze --format json` for every lab scenario (all points together, named by
file stem) and for the synthetic benchmark capture, then checks later builds produce
byte-identical files.

Usage: Benchmarks/outputs.py record DIR     (before a change)
       Benchmarks/outputs.py check DIR      (after it; exit 1 on any difference)
Uses the release build (.build/release/lvscope) and run.py's cached synthetic capture.
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LVSCOPE = os.path.join(ROOT, ".build", "release", "lvscope")
CAPTURES = os.path.join(ROOT, "Fixtures", "captures")
SYNTHETIC = os.path.join(HERE, ".work", "synthetic-nat-1500000.pcap")


def cases():
    """(name, capture arguments) for each scenario and the synthetic capture."""
    for scenario in sorted(os.listdir(CAPTURES)):
        folder = os.path.join(CAPTURES, scenario)
        files = sorted(f for f in os.listdir(folder) if f.endswith(".pcap"))
        if files:
            yield scenario, [f"{f[:-5]}={os.path.join(folder, f)}" for f in files]
    if os.path.exists(SYNTHETIC):
        yield "synthetic", [SYNTHETIC]
    else:
        print(f"outputs: {SYNTHETIC} missing (run Benchmarks/run.py --only flows first)", file=sys.stderr)


COMMANDS = {
    "flows.tsv": ["flows", "--format", "tsv"],
    "analyze.json": ["analyze", "--format", "json"],
}


def run_all(target):
    os.makedirs(target, exist_ok=True)
    for name, captures in cases():
        for suffix, command in COMMANDS.items():
            out = os.path.join(target, f"{name}.{suffix}")
            proc = subprocess.run([LVSCOPE, *command, "-o", out, *captures], capture_output=True)
            if proc.returncode not in (0, 1):
                sys.exit(f"outputs: {name} {suffix}: exit {proc.returncode}: {proc.stderr.decode()[:300]}")


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("record", "check"):
        sys.exit(__doc__)
    mode, directory = sys.argv[1], sys.argv[2]
    if mode == "record":
        run_all(directory)
        print(f"outputs: recorded {len(os.listdir(directory))} files in {directory}")
        return
    with tempfile.TemporaryDirectory() as fresh:
        run_all(fresh)
        names = sorted(os.listdir(directory))
        differing = [n for n in names
                     if not os.path.exists(os.path.join(fresh, n))
                     or open(os.path.join(fresh, n), "rb").read() != open(os.path.join(directory, n), "rb").read()]
        if differing:
            print("outputs: DIFFERENT: " + " ".join(differing))
            sys.exit(1)
        print(f"outputs: all {len(names)} files byte-identical")


if __name__ == "__main__":
    main()

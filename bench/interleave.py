#!/usr/bin/env python3
"""Times shell commands interleaved: every round runs each command once (in a rotating order), so load from other
processes on the machine hits all of them alike. Prints per command the median wall time and the median user+sys
CPU time, and each ratio to its baseline (medians, and the fastest runs: on a loaded machine the fastest run is the
least disturbed one).

usage: interleave.py [--runs N] [--warmup N] [--json FILE] NAME=COMMAND ... [--ratio NAME/BASELINE ...]

Commands run through /bin/sh with stdout and stderr discarded; a non-zero exit code is fine (kb exits 1 on a
finding). CPU time is the rusage of the command and what it waited for (os.wait4).
"""
import json
import os
import statistics
import subprocess
import sys
import time


def run_once(cmd):
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(["/bin/sh", "-c", cmd], stdout=null, stderr=null, stdin=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime


def main(argv):
    runs, warmup, out, commands, ratios = 10, 2, None, [], []
    it = iter(argv)
    for a in it:
        if a == "--runs":
            runs = int(next(it))
        elif a == "--warmup":
            warmup = int(next(it))
        elif a == "--json":
            out = next(it)
        elif a == "--ratio":
            ratios.append(next(it).split("/", 1))
        else:
            name, cmd = a.split("=", 1)
            commands.append((name, cmd))
    for _ in range(warmup):
        for _, cmd in commands:
            run_once(cmd)
    walls = {n: [] for n, _ in commands}
    cpus = {n: [] for n, _ in commands}
    for r in range(runs):
        order = commands[r % len(commands):] + commands[:r % len(commands)]
        for name, cmd in order:
            w, c = run_once(cmd)
            walls[name].append(w)
            cpus[name].append(c)
    load = os.getloadavg()
    med = {n: (statistics.median(walls[n]), statistics.median(cpus[n])) for n, _ in commands}
    print(f"{runs} interleaved rounds after {warmup} warm-up, {os.cpu_count()} cores, "
          f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"{'command':<40} {'wall ms':>8} {'min':>6} {'cpu ms':>7}")
    for name, _ in commands:
        print(f"{name:<40} {med[name][0] * 1000:8.0f} {min(walls[name]) * 1000:6.0f} {med[name][1] * 1000:7.0f}")
    for name, base in ratios:
        print(f"ratio {name} / {base}: wall {med[name][0] / med[base][0]:.2f}, user+sys {med[name][1] / med[base][1]:.2f}"
              f" (fastest runs: wall {min(walls[name]) / min(walls[base]):.2f}, "
              f"user+sys {min(cpus[name]) / min(cpus[base]):.2f})")
    if out:
        with open(out, "w") as f:
            json.dump({"load": load, "commands": dict(commands), "wall": walls, "cpu": cpus}, f)


if __name__ == "__main__":
    main(sys.argv[1:])

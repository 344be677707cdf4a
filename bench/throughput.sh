#!/usr/bin/env bash
# Diagnoses per second through the public Diagnostician API, warm: one thread, then all cores.
# A warm-up phase, then timed rounds; prints the median round (bundles per wall second, and per CPU-second of the
# worker threads, which is what a core does when other processes share the machine).
# usage: bench/throughput.sh [warmupSeconds roundSeconds rounds [threads...]]     (default: 10 3 5 1 <cores>)
#   THROUGHPUT_BASELINE=/path/to/other/checkout: also runs that checkout's kb-model/kb-rules (e.g. `git archive main`)
#   the same way, alternating baseline, this checkout, baseline, this checkout (THROUGHPUT_PAIRS, default 2), and
#   prints the ratios of the medians.
#   THROUGHPUT_AT_ONCE=1 (with THROUGHPUT_BASELINE): runs each pair's two sides at the same time instead of one after
#   the other, so both see the same load from other processes (give one thread: `bench/throughput.sh 10 3 9 1`; two
#   one-thread JVMs fill the two cores); bundles per CPU-second is then the figure to compare, wall is shared. Both sides run this checkout's harness (ThroughputMain, its classes put first on
#   both class paths), so a change to the harness cannot pass for a change in throughput; each side builds its
#   bundles with its own ExampleBundles from its own knowledge/ (the same nine example files since 2026-11-30).
# The Diagnostician loads the shipped knowledge packaged in each checkout's kb-rules/target/classes (the build copies
# knowledge/ there and empties the copy first), i.e. the full catalog; kb.knowledge.dir only tells ExampleBundles
# where the example inputs are. The harness prints the catalog's size.
# Runs the full JIT (no -XX:TieredStopAtLevel=1: that halves steady throughput, see toolchain notes).
set -euo pipefail
cd "$(dirname "$0")/.."

# Compile a checkout's kb-model and kb-rules (with the harness in the test classes) in one reactor run, and put
# their target/classes first: the numbers are for these sources, not for whatever SNAPSHOT another checkout
# installed into ~/.m2.
classpath() { # checkout dir -> class path
  (cd "$1" && ./mvnw -B -q -pl kb-model,kb-rules test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2)
  echo "$1/kb-rules/target/test-classes:$1/kb-rules/target/classes:$1/kb-model/target/classes:$(cat "$1/kb-rules/target/bench.classpath")"
}
run() { # checkout dir, class path, harness args...
  local dir=$1 cp=$2; shift 2
  java -Xms512m -Xmx1g -XX:+UseParallelGC -Dkb.knowledge.dir="$dir/knowledge" ${KB_BENCH_JAVA_OPTS:-} \
    -cp "$cp" io.mailflowkb.example.ThroughputMain "$@" 2>/dev/null
}
cp=$(classpath "$PWD")
harness=bench/out/harness; rm -rf "$harness"; mkdir -p "$harness/io/mailflowkb/example"
cp kb-rules/target/test-classes/io/mailflowkb/example/ThroughputMain*.class "$harness/io/mailflowkb/example/"
harness=$(cd "$harness" && pwd)
cp="$harness:$cp"
if [ -z "${THROUGHPUT_BASELINE:-}" ]; then
  run "$PWD" "$cp" "$@"
  exit
fi
base=$(cd "$THROUGHPUT_BASELINE" && pwd)
basecp="$harness:$(classpath "$base")"
out=bench/out; mkdir -p "$out"; : > "$out/throughput-base.txt"; : > "$out/throughput-this.txt"
for _ in $(seq "${THROUGHPUT_PAIRS:-2}"); do
  if [ -n "${THROUGHPUT_AT_ONCE:-}" ]; then
    run "$base" "$basecp" "$@" > "$out/throughput-base.pair" &
    run "$PWD" "$cp" "$@" > "$out/throughput-this.pair"
    wait
    tee -a "$out/throughput-base.txt" < "$out/throughput-base.pair" | sed 's/^/baseline: /'
    tee -a "$out/throughput-this.txt" < "$out/throughput-this.pair" | sed 's/^/this:     /'
  else
    run "$base" "$basecp" "$@" | tee -a "$out/throughput-base.txt" | sed 's/^/baseline: /'
    run "$PWD" "$cp" "$@" | tee -a "$out/throughput-this.txt" | sed 's/^/this:     /'
  fi
done
python3 - "$out/throughput-base.txt" "$out/throughput-this.txt" <<'PY'
import re, statistics, sys
def rows(path):
    r = {}
    for line in open(path):
        m = re.match(r"threads=(\d+)\s+median (\d+) bundles/s wall.*?; (\d+) bundles per CPU-second", line)
        if m:
            r.setdefault(int(m.group(1)), []).append((int(m.group(2)), int(m.group(3))))
    return r
def findings(path):
    for line in open(path):
        m = re.search(r"([0-9.]+) findings each", line)
        if m:
            return float(m.group(1))
def allocated(path):
    r = {}
    for line in open(path):
        m = re.match(r"threads=(\d+)\s+allocated: ([0-9.]+) KB per bundle", line)
        if m:
            r.setdefault(int(m.group(1)), []).append(float(m.group(2)))
    return r
b, t = rows(sys.argv[1]), rows(sys.argv[2])
ba, ta = allocated(sys.argv[1]), allocated(sys.argv[2])
bf, tf = findings(sys.argv[1]), findings(sys.argv[2])
print(f"findings per bundle: baseline {bf:.2f}, this {tf:.2f}")
for n in sorted(b):
    bw, bc = statistics.median(x[0] for x in b[n]), statistics.median(x[1] for x in b[n])
    tw, tc = statistics.median(x[0] for x in t[n]), statistics.median(x[1] for x in t[n])
    print(f"threads={n}: baseline {bw:.0f}/s wall, {bc:.0f}/CPU-s; this {tw:.0f}/s wall, {tc:.0f}/CPU-s; "
          f"ratio this/baseline: wall {tw / bw:.2f}, per CPU-second {tc / bc:.2f}; "
          f"findings per CPU-second: baseline {bc * bf:.0f}, this {tc * tf:.0f}, ratio {tc * tf / (bc * bf):.2f}")
    if n in ba and n in ta:
        print(f"threads={n}: allocated per bundle: baseline {statistics.median(ba[n]):.1f} KB, "
              f"this {statistics.median(ta[n]):.1f} KB")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Diagnoses per second through the public Diagnostician API, warm: one thread, then all cores.
# A warm-up phase, then timed rounds; prints the median round. Numbers go to docs/perf.md by hand.
# usage: bench/throughput.sh [warmupSeconds roundSeconds rounds [threads...]]     (default: 10 3 5 1 <cores>)
# Runs the full JIT (no -XX:TieredStopAtLevel=1: that halves steady throughput, see toolchain notes).
set -euo pipefail
cd "$(dirname "$0")/.."

# Compile this checkout's kb-model and kb-rules (with the harness in the test classes) in one reactor run, and
# put their target/classes first: the numbers are for these sources, not for whatever SNAPSHOT another checkout
# installed into ~/.m2.
./mvnw -B -q -o -pl kb-model,kb-rules test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
cp="kb-rules/target/test-classes:kb-rules/target/classes:kb-model/target/classes:$(cat kb-rules/target/bench.classpath)"

exec java -Xms512m -Xmx1g -XX:+UseParallelGC -Dkb.knowledge.dir="$PWD/knowledge" ${KB_BENCH_JAVA_OPTS:-} \
  -cp "$cp" io.mailflowkb.example.ThroughputMain "$@"

#!/usr/bin/env bash
# Log-scan throughput: `kb collect --logs` versus `grep -c -E` for the same symptom patterns over the same
# files. Generates a realistic Exchange send protocol log corpus (LOGSCAN_MB, default 1024) under bench/out/.
#
#   bench/logscan.sh                  # 1 GB corpus, 3 runs each
#   LOGSCAN_MB=256 LOGSCAN_RUNS=5 bench/logscan.sh
#
# Runs the built CLI jar (kb-cli/target/kb.jar, build it with ./mvnw -B -q -DskipTests package; never installs)
# with the launcher's JVM options (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC) and the heap capped at LOGSCAN_XMX
# (default 64m) to show constant memory; LOGSCAN_JAVA_OPTS replaces the JVM options.
# LOGSCAN_BASELINE_JAR=old/kb.jar also times that jar in the same runs, interleaved with the current one, and
# prints the side-by-side ratio: on a noisy shared machine that ratio is steadier than either wall time.
# The collector reads the files of a folder on up to 2 threads (option threads); grep uses one.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${LOGSCAN_MB:-1024}
RUNS=${LOGSCAN_RUNS:-3}
XMX=${LOGSCAN_XMX:-64m}
JAVA_OPTS=${LOGSCAN_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
JAR=${LOGSCAN_JAR:-kb-cli/target/kb.jar}
BASE_JAR=${LOGSCAN_BASELINE_JAR:-}
OUTDIR=bench/out
DIR=$OUTDIR/corpus-${MB}mb
mkdir -p "$OUTDIR"

# the seed symptom literals (the same the collector is given by LogScanBench / the knowledge)
PATTERNS='421 4\.4\.2 Connection dropped due to SocketError|TLS negotiation failed with error SocketError|451 5\.7\.3 Must issue a STARTTLS command first|451 5\.7\.3 STARTTLS is required to send mail|421 4\.7\.66 TLS 1\.0 and 1\.1 are not supported|TLS negotiation failed with error UnknownCredentials|TLS negotiation failed with error NoCredentials'

if [ ! -f kb-plugins/target/test-classes/io/mailflowkb/plugins/logs/LogScanBench.class ]; then
  ./mvnw -B -q -o -pl kb-plugins -am test-compile   # never install: ~/.m2 is shared
fi
[ -f "$JAR" ] || { echo "logscan: $JAR missing; run ./mvnw -B -q -DskipTests package" >&2; exit 2; }
CP="kb-plugins/target/classes:kb-plugins/target/test-classes:kb-model/target/classes:$JAR"

if [ ! -d "$DIR" ]; then
  java -cp "$CP" io.mailflowkb.plugins.logs.LogScanBench generate "$DIR" "$MB"
fi
BYTES=$(du -sb "$DIR" | cut -f1)
sync
cat "$DIR"/* > /dev/null   # warm the page cache so both tools read from memory

KB_CMD="java -Xmx$XMX $JAVA_OPTS -Dkb.stderr.tty=false -jar $JAR collect --logs $DIR -o $OUTDIR/facts.json"
KB_LABEL="kb collect --logs ($JAR)"
BASE_CMD="java -Xmx$XMX $JAVA_OPTS -Dkb.stderr.tty=false -jar $BASE_JAR collect --logs $DIR -o $OUTDIR/facts-base.json"
GREP_CMD="env LC_ALL=C grep -c -E '$PATTERNS' -r $DIR"
GREPI_CMD="env LC_ALL=C grep -c -i -E '$PATTERNS' -r $DIR"

echo "corpus: $DIR ($((BYTES / 1048576)) MB), $RUNS runs each, $(nproc) cores"
echo "kb:   $KB_CMD"; eval "$KB_CMD"
echo "grep: LC_ALL=C grep -c -E '<7 seed symptoms>' -r $DIR"
eval "$GREP_CMD" | awk -F: '{n += $NF} END {print "grep: " n " matching lines"}'

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2==1) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_runs() { # prints the median wall time in seconds
  local cmd=$1 i s e
  for i in $(seq "$RUNS"); do
    s=$(date +%s%N); eval "$cmd" > /dev/null; e=$(date +%s%N)
    echo "scale=3; ($e - $s) / 1000000000" | bc
  done | median
}
if [ -n "$BASE_JAR" ]; then
  # interleaved: run i of the baseline right after run i of the current jar, so load spikes hit both
  : > "$OUTDIR/side-by-side.txt"
  for i in $(seq "$RUNS"); do
    s=$(date +%s%N); eval "$KB_CMD" > /dev/null; m=$(date +%s%N); eval "$BASE_CMD" > /dev/null; e=$(date +%s%N)
    echo "$(( (m - s) / 1000000 )) $(( (e - m) / 1000000 ))" | tee -a "$OUTDIR/side-by-side.txt" \
      | awk '{printf "run: current %.2f s, baseline %.2f s, throughput ratio current/baseline %.3f\n", $1/1000, $2/1000, $2/$1}'
  done
  awk '{print $2/$1}' "$OUTDIR/side-by-side.txt" | sort -n | awk '{r[NR]=$1} END {printf "side-by-side throughput ratio current/baseline: median %.3f (min %.3f, max %.3f, %d runs)\n", (NR%2 ? r[(NR+1)/2] : (r[NR/2]+r[NR/2+1])/2), r[1], r[NR], NR}'
  cmp -s <(python3 -c "import json,sys; d=json.load(open('$OUTDIR/facts.json')); d.pop('inputs',None); print(json.dumps(d,sort_keys=True))") \
         <(python3 -c "import json,sys; d=json.load(open('$OUTDIR/facts-base.json')); d.pop('inputs',None); print(json.dumps(d,sort_keys=True))") \
    && echo "facts: identical to the baseline's" || echo "facts: DIFFER from the baseline's (see $OUTDIR/facts*.json)"
fi
if command -v hyperfine > /dev/null; then
  hyperfine --shell=bash --runs "$RUNS" --export-json "$OUTDIR/hyperfine.json" \
    -n kb "$KB_CMD" -n grep "$GREP_CMD" -n grep-i "$GREPI_CMD" > "$OUTDIR/hyperfine.txt" 2>&1 || true
  cat "$OUTDIR/hyperfine.txt"
  read -r KB_S GREP_S GREPI_S < <(python3 -c "
import json,statistics
r={x['command']:statistics.median(x['times']) for x in json.load(open('$OUTDIR/hyperfine.json'))['results']}
print(r['kb'], r['grep'], r['grep-i'])")
else
  KB_S=$(time_runs "$KB_CMD"); GREP_S=$(time_runs "$GREP_CMD"); GREPI_S=$(time_runs "$GREPI_CMD")
fi
mbs() { echo "scale=1; $BYTES / 1048576 / $1" | bc; }
printf '%-48s %8.2f s  %8s MB/s\n' "$KB_LABEL" "$KB_S" "$(mbs "$KB_S")"
printf '%-48s %8.2f s  %8s MB/s\n' "grep -c -E (LC_ALL=C)" "$GREP_S" "$(mbs "$GREP_S")"
printf '%-48s %8.2f s  %8s MB/s\n' "grep -c -i -E (LC_ALL=C, case-insensitive)" "$GREPI_S" "$(mbs "$GREPI_S")"
echo "ratio kb/grep throughput: $(echo "scale=2; $GREP_S / $KB_S" | bc)  (vs grep -i: $(echo "scale=2; $GREPI_S / $KB_S" | bc))"

#!/usr/bin/env bash
# Log-scan throughput: `kb collect --logs` versus `grep -c -E` for the same symptom patterns over the same
# files. Generates a realistic Exchange send protocol log corpus (LOGSCAN_MB, default 1024) under bench/out/.
#
#   bench/logscan.sh                  # 1 GB corpus, 3 runs each
#   LOGSCAN_MB=256 LOGSCAN_RUNS=5 bench/logscan.sh
#   LOGSCAN_BASELINE_JAR=/tmp/kb-main.jar LOGSCAN_RUNS=6 LOGSCAN_SIDE_ONLY=1 bench/logscan.sh   # before/after
#   LOGSCAN_ENCODING=utf16 LOGSCAN_MB=256 bench/logscan.sh     # kb on the same logs in UTF-16LE, grep on UTF-8
#
# Runs the built CLI jar (kb-cli/target/kb.jar, build it with ./mvnw -B -q -DskipTests package; never installs)
# with the launcher's JVM options (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC) and the heap capped at LOGSCAN_XMX
# (default 64m) to show constant memory; LOGSCAN_JAVA_OPTS replaces the JVM options.
# LOGSCAN_BASELINE_JAR=old/kb.jar (always with --logs) also times that jar in the same runs, interleaved with the
# current one, and prints the side-by-side ratio of wall and CPU time; on a noisy shared machine the CPU ratio is
# the steady one. LOGSCAN_POSITIONAL=1 gives the current jar the folder as a positional PATH (content detection).
# LOGSCAN_SIDE_ONLY=1 stops after the side-by-side runs.
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

# LOGSCAN_ENCODING=utf16: kb reads the same logs converted to UTF-16LE with a BOM (as Windows tools may write
# them); grep keeps reading the UTF-8 originals, so the ratio is kb on UTF-16 against grep on the same logs.
KB_DIR=$DIR
if [ "${LOGSCAN_ENCODING:-}" = utf16 ]; then
  KB_DIR=$OUTDIR/corpus-${MB}mb-utf16
  if [ ! -d "$KB_DIR" ]; then
    mkdir -p "$KB_DIR.tmp"
    for f in "$DIR"/*; do { printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$f"; } > "$KB_DIR.tmp/$(basename "$f")"; done
    mv "$KB_DIR.tmp" "$KB_DIR"
  fi
  cat "$KB_DIR"/* > /dev/null
fi
# LOGSCAN_POSITIONAL=1 gives the folder as a positional PATH (content detection of every file) instead of --logs
KB_INPUT=$([ -n "${LOGSCAN_POSITIONAL:-}" ] && echo "$KB_DIR" || echo "--logs $KB_DIR")
KB_CMD="java -Xmx$XMX $JAVA_OPTS -Dkb.stderr.tty=false -jar $JAR collect $KB_INPUT -o $OUTDIR/facts.json"
KB_LABEL="kb collect $([ -n "${LOGSCAN_POSITIONAL:-}" ] && echo PATH || echo --logs) ($JAR)"
BASE_CMD="java -Xmx$XMX $JAVA_OPTS -Dkb.stderr.tty=false -jar $BASE_JAR collect --logs $DIR -o $OUTDIR/facts-base.json"
# "| cat": GNU grep stops at the first match when its output is /dev/null (as under hyperfine), which times nothing
GREP_CMD="env LC_ALL=C grep -c -E '$PATTERNS' -r $DIR | cat"
GREPI_CMD="env LC_ALL=C grep -c -i -E '$PATTERNS' -r $DIR | cat"

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
  # interleaved pairs, alternating which jar goes first (the second of a pair measured slower on a loaded
  # machine), so load spikes and position hit both alike
  : > "$OUTDIR/side-by-side.txt"
  # wall seconds and CPU seconds (user + sys) of one command; CPU time is much steadier than wall time under load
  timed() { /usr/bin/time -f '%e %U %S' -o "$OUTDIR/time.txt" bash -c "$1" > /dev/null; awk '{print $1, $2 + $3}' "$OUTDIR/time.txt"; }
  for i in $(seq "$RUNS"); do
    if [ $((i % 2)) -eq 1 ]; then
      cur=$(timed "$KB_CMD"); base=$(timed "$BASE_CMD")
    else
      base=$(timed "$BASE_CMD"); cur=$(timed "$KB_CMD")
    fi
    echo "$cur $base" | tee -a "$OUTDIR/side-by-side.txt" | awk -v i="$i" '{printf "run %s: current %.2f s (%.2f s CPU), baseline %.2f s (%.2f s CPU): throughput ratio current/baseline %.3f wall, %.3f CPU\n", i, $1, $2, $3, $4, $3/$1, $4/$2}'
  done
  for col in wall CPU; do
    awk -v c="$col" '{print (c == "wall") ? $3/$1 : $4/$2}' "$OUTDIR/side-by-side.txt" | sort -n | awk -v c="$col" '{r[NR]=$1} END {printf "side-by-side throughput ratio current/baseline (%s time): median %.3f (min %.3f, max %.3f, %d runs)\n", c, (NR%2 ? r[(NR+1)/2] : (r[NR/2]+r[NR/2+1])/2), r[1], r[NR], NR}'
  done
  cmp -s <(python3 -c "import json,sys; d=json.load(open('$OUTDIR/facts.json')); d.pop('inputs',None); print(json.dumps(d,sort_keys=True))") \
         <(python3 -c "import json,sys; d=json.load(open('$OUTDIR/facts-base.json')); d.pop('inputs',None); print(json.dumps(d,sort_keys=True))") \
    && echo "facts: identical to the baseline's" || echo "facts: DIFFER from the baseline's (see $OUTDIR/facts*.json)"
  [ -n "${LOGSCAN_SIDE_ONLY:-}" ] && exit 0
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

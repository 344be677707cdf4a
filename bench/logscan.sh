#!/usr/bin/env bash
# Log-scan throughput: `kb collect --logs` versus `grep -c -E` for the same symptom patterns over the same
# files. Generates a realistic Exchange send protocol log corpus (LOGSCAN_MB, default 1024) under bench/out/.
#
#   bench/logscan.sh                  # 1 GB corpus, 3 runs each
#   LOGSCAN_MB=256 LOGSCAN_RUNS=5 bench/logscan.sh
#
# Uses ./kb when the CLI exists, else runs the collector directly from kb-plugins classes (test-classes hold
# the tiny main io.mailflowkb.plugins.logs.LogScanBench). JVM heap is capped at LOGSCAN_XMX (default 64m) to
# show constant memory; LOGSCAN_JAVA_OPTS defaults to -XX:+UseSerialGC (less CPU than G1 for this scan).
# The collector reads the files of a folder on up to 2 threads (option threads); grep uses one.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${LOGSCAN_MB:-1024}
RUNS=${LOGSCAN_RUNS:-3}
XMX=${LOGSCAN_XMX:-64m}
JAVA_OPTS=${LOGSCAN_JAVA_OPTS:--XX:+UseSerialGC}
OUTDIR=bench/out
DIR=$OUTDIR/corpus-${MB}mb
mkdir -p "$OUTDIR"

# the seed symptom literals (the same the collector is given by LogScanBench / the knowledge)
PATTERNS='421 4\.4\.2 Connection dropped due to SocketError|TLS negotiation failed with error SocketError|451 5\.7\.3 Must issue a STARTTLS command first|451 5\.7\.3 STARTTLS is required to send mail|421 4\.7\.66 TLS 1\.0 and 1\.1 are not supported|TLS negotiation failed with error UnknownCredentials|TLS negotiation failed with error NoCredentials'

if [ ! -f kb-plugins/target/test-classes/io/mailflowkb/plugins/logs/LogScanBench.class ]; then
  ./mvnw -B -q -o install -pl kb-model -DskipTests
  ./mvnw -B -q -o -pl kb-plugins test-compile
fi
CPFILE=$OUTDIR/classpath.txt
[ -s "$CPFILE" ] || ./mvnw -B -q -o -pl kb-plugins dependency:build-classpath -Dmdep.outputFile="$PWD/$CPFILE" >/dev/null
CP="kb-plugins/target/classes:kb-plugins/target/test-classes:$(cat "$CPFILE")"

if [ ! -d "$DIR" ]; then
  java -cp "$CP" io.mailflowkb.plugins.logs.LogScanBench generate "$DIR" "$MB"
fi
BYTES=$(du -sb "$DIR" | cut -f1)
sync
cat "$DIR"/* > /dev/null   # warm the page cache so both tools read from memory

if [ -x ./kb ]; then
  KB_CMD="./kb collect --logs $DIR -o $OUTDIR/facts.json"
  KB_LABEL="kb collect --logs"
else
  KB_CMD="java -Xmx$XMX $JAVA_OPTS -cp $CP io.mailflowkb.plugins.logs.LogScanBench scan $DIR"
  KB_LABEL="LogCollector (java -Xmx$XMX, no kb CLI yet)"
fi
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

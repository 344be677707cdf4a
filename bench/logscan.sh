#!/usr/bin/env bash
# Log-scan throughput: `kb collect --logs` versus `grep -c -E` for the same symptom patterns over the same
# files, end to end (JVM start included), run interleaved by bench/interleave.py so load from other processes
# hits both alike. Generates a realistic Exchange send protocol log corpus (LOGSCAN_MB, default 1024) under
# bench/out/ on first use (about 10 s per GB). Prints the median wall and user+sys CPU time of each and the
# throughput ratio kb/grep (grep's time over kb's), which is the figure the goal is about.
#
#   bench/logscan.sh                                   # 1 GB corpus, 5 rounds (about 1 minute on a quiet machine)
#   LOGSCAN_ENCODING=utf16 bench/logscan.sh            # kb on the same logs in UTF-16LE (with BOM), grep on UTF-8
#   LOGSCAN_BASELINE_JAR=/tmp/kb-main.jar bench/logscan.sh   # also an older jar, same options, same rounds
#   LOGSCAN_MB=256 LOGSCAN_RUNS=9 bench/logscan.sh
#
# kb runs the way users run it: through the launcher ./kb (its JDK choice, AOT cache or CDS archive, C1 only,
# serial GC; it builds the jar with `mvnw package` when sources changed and never installs), with the heap capped
# at LOGSCAN_XMX (default 64m) to show memory stays flat; the peak RSS of one run is printed. LOGSCAN_JAR=path
# runs that jar with plain `java -jar` and the launcher's JVM options instead (LOGSCAN_JAVA=path/to/java picks the
# java of those plain runs and of the baseline's; set both LOGSCAN_JAR and LOGSCAN_BASELINE_JAR to compare two jars
# like for like, without the launcher's start-up archive on one side only). Before timing, kb's facts are
# checked: against the baseline jar's when one is given, and in UTF-16 mode against kb's own facts for the UTF-8
# originals (the same logs must give the same facts). The collector reads the files of a folder on up to 2
# threads; grep uses one.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${LOGSCAN_MB:-1024}
RUNS=${LOGSCAN_RUNS:-5}
XMX=${LOGSCAN_XMX:-64m}
BASE_JAR=${LOGSCAN_BASELINE_JAR:-}
JAVA=${LOGSCAN_JAVA:-java}
OUTDIR=bench/out
DIR=$OUTDIR/corpus-${MB}mb
mkdir -p "$OUTDIR"

# the seed symptom literals (the same the collector is given by LogScanBench / the knowledge)
PATTERNS='421 4\.4\.2 Connection dropped due to SocketError|TLS negotiation failed with error SocketError|451 5\.7\.3 Must issue a STARTTLS command first|451 5\.7\.3 STARTTLS is required to send mail|421 4\.7\.66 TLS 1\.0 and 1\.1 are not supported|TLS negotiation failed with error UnknownCredentials|TLS negotiation failed with error NoCredentials'

if [ -n "${LOGSCAN_JAR:-}" ]; then
  KB="$JAVA -Xmx$XMX -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dkb.stderr.tty=false -jar $LOGSCAN_JAR"
else
  ./kb --version > /dev/null   # builds the jar and the start-up archive now, not inside a timed run
  KB="env KB_JAVA_OPTS=-Xmx$XMX ./kb"
fi
JAR=${LOGSCAN_JAR:-kb-cli/target/kb.jar}
if [ ! -f kb-plugins/target/test-classes/io/mailflowkb/plugins/logs/LogScanBench.class ]; then
  ./mvnw -B -q -o -pl kb-plugins -am test-compile   # never install: ~/.m2 is shared
fi
CP="kb-plugins/target/classes:kb-plugins/target/test-classes:kb-model/target/classes:$JAR"
if [ ! -d "$DIR" ]; then
  java -cp "$CP" io.mailflowkb.plugins.logs.LogScanBench generate "$DIR.tmp" "$MB" && mv "$DIR.tmp" "$DIR"
fi
BYTES=$(du -sb "$DIR" | cut -f1)

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
fi
cat "$DIR"/* "$KB_DIR"/* > /dev/null   # warm the page cache so every tool reads from memory

facts() { # facts file -> the facts without the per-file input list, the UTF-16 folder's name as the UTF-8 one's
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); d.pop('inputs',None); print(json.dumps(d,sort_keys=True).replace(sys.argv[2],sys.argv[3]))" "$1" "$KB_DIR" "$DIR"
}
echo "corpus: $DIR ($((BYTES / 1048576)) MB of logs), kb reads $KB_DIR; $RUNS rounds; $(nproc) cores"
/usr/bin/time -f '%M' -o "$OUTDIR/rss.txt" $KB collect --logs "$KB_DIR" -o "$OUTDIR/facts.json" 2>/dev/null || true
echo "kb: $(facts "$OUTDIR/facts.json" | python3 -c "import json,sys; d=json.load(sys.stdin); print(sum(len(v) for v in d.values() if isinstance(v, list)))") facts; peak RSS $(( $(cat "$OUTDIR/rss.txt") / 1024 )) MB with -Xmx$XMX"
if [ "$KB_DIR" != "$DIR" ]; then
  $KB collect --logs "$DIR" -o "$OUTDIR/facts-utf8.json" 2>/dev/null || true
  cmp -s <(facts "$OUTDIR/facts.json") <(facts "$OUTDIR/facts-utf8.json") \
    && echo "facts: UTF-16 logs give the same facts as their UTF-8 originals" \
    || echo "facts: UTF-16 and UTF-8 DIFFER (see $OUTDIR/facts*.json)"
fi
args=(kb="$KB collect --logs $KB_DIR -o $OUTDIR/facts.json"
      grep="LC_ALL=C grep -c -E '$PATTERNS' -r $DIR | cat"
      grep-i="LC_ALL=C grep -c -i -E '$PATTERNS' -r $DIR | cat"
      --ratio grep/kb --ratio grep-i/kb)
# "| cat": GNU grep stops at the first match when its output is /dev/null, which would time nothing
if [ -n "$BASE_JAR" ]; then
  BASE="$JAVA -Xmx$XMX -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dkb.stderr.tty=false -jar $BASE_JAR"
  $BASE collect --logs "$KB_DIR" -o "$OUTDIR/facts-base.json" 2>/dev/null || true
  cmp -s <(facts "$OUTDIR/facts.json") <(facts "$OUTDIR/facts-base.json") \
    && echo "facts: identical to the baseline jar's" || echo "facts: DIFFER from the baseline jar's (see $OUTDIR/facts*.json)"
  args+=(baseline="$BASE collect --logs $KB_DIR -o $OUTDIR/facts-base.json" --ratio grep/baseline --ratio baseline/kb)
fi
echo "grep: $(LC_ALL=C grep -c -E "$PATTERNS" -r "$DIR" | awk -F: '{n += $NF} END {print n}') matching lines"
python3 bench/interleave.py --runs "$RUNS" --warmup 1 --json "$OUTDIR/logscan.json" "${args[@]}"
python3 - "$OUTDIR/logscan.json" "$BYTES" <<'PY'
import json, statistics, sys
d = json.load(open(sys.argv[1])); mb = int(sys.argv[2]) / 1048576
w = {k: statistics.median(v) for k, v in d["wall"].items()}
c = {k: statistics.median(v) for k, v in d["cpu"].items()}
for k in w:
    print(f"{k:<10} {w[k]:6.2f} s wall ({mb / w[k]:6.0f} MB/s of logs)  {c[k]:6.2f} s CPU")
print(f"THROUGHPUT RATIO kb/grep (wall, end to end): {w['grep'] / w['kb']:.2f}   (vs grep -i: {w['grep-i'] / w['kb']:.2f};"
      f" CPU-time ratio {c['grep'] / c['kb']:.2f}: kb uses 2 cores, grep 1)   load average {d['load'][0]:.1f}")
PY

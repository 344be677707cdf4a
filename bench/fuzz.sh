#!/usr/bin/env bash
# The long fuzz campaign (the build runs a small one: kb-cli HostileInputFuzzTest). Four parts:
#   1. mutations and hostile documents for every input kind, in one JVM through kb's real entry point
#      (FuzzCampaign: FUZZ_CASES per kind, seeds from FUZZ_SEED, a FUZZ_WATCHDOG s watchdog per case);
#   2. archive bombs (zip and gzip of FUZZ_BOMB_MB MiB, a zip nested in a zip), one process each;
#   3. hostile knowledge (issue 12's regex reproducers as symptom regexes on a 5,000-character log line), one
#      process each;
#   4. SIGKILL during -o (FUZZ_KILLS runs): the target must be left as it was or complete, never half-written.
# Each process of parts 2-4 runs under `timeout` and /usr/bin/time (wall time, peak RSS). Results go to stdout
# and bench/out/fuzz/; docs/reliability.md records a run. Never writes to a device: every -o is a file here.
#
#   bench/fuzz.sh                                   # defaults below
#   FUZZ_CASES=400 FUZZ_BOMB_MB=2200 bench/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${FUZZ_CASES:-200}
SEED=${FUZZ_SEED:-1}
WATCHDOG=${FUZZ_WATCHDOG:-60}
BOMB_MB=${FUZZ_BOMB_MB:-1024}
KILLS=${FUZZ_KILLS:-20}
PARTS=${FUZZ_PARTS:-1234}   # which parts to run, e.g. FUZZ_PARTS=4
OUT=bench/out/fuzz
rm -rf "$OUT" && mkdir -p "$OUT"
part() { [[ $PARTS == *$1* ]]; }

# build without installing anything into ~/.m2 (other worktrees share it)
[ -f kb-cli/target/kb.jar ] || ./mvnw -B -q -DskipTests package
[ -f kb-cli/target/test-classes/io/mailflowkb/cli/FuzzCampaign.class ] || ./mvnw -B -q -pl kb-cli -am test-compile
JAR=kb-cli/target/kb.jar
KB=(java -jar "$JAR")
have_time() { [ -x /usr/bin/time ]; }

if part 1; then
echo "== 1. mutations and hostile documents ($CASES per kind, seed $SEED, watchdog ${WATCHDOG}s)"
java -Xmx512m -Dkb.knowledge.dir="$PWD/knowledge" -cp "kb-cli/target/test-classes:$JAR" \
  io.mailflowkb.cli.FuzzCampaign "$CASES" "$SEED" "$OUT/cases" "$WATCHDOG" | tee "$OUT/campaign.txt" || true
fi

# one process: prints "label | exit | seconds | peak MB | first stderr line"
run_one() {
  local label=$1; shift
  local t0 t1 rc
  t0=$(date +%s%N)
  set +e
  if have_time; then
    timeout 300 /usr/bin/time -f '%M' -o "$OUT/rss" "$@" >"$OUT/stdout" 2>"$OUT/stderr"
  else
    timeout 300 "$@" >"$OUT/stdout" 2>"$OUT/stderr"; echo 0 >"$OUT/rss"
  fi
  rc=$?
  set -e
  t1=$(date +%s%N)
  printf '%-44s | %3s | %7.1f s | %5d MB | %s\n' "$label" "$rc" "$(echo "($t1 - $t0) / 1000000000" | bc -l)" \
    "$(( $(tail -1 "$OUT/rss") / 1024 ))" "$(head -c 150 "$OUT/stderr" | head -1)" | tee -a "$OUT/processes.txt"
}

if part 2; then
echo "== 2. archive bombs (${BOMB_MB} MiB inflated each)"
python3 - "$OUT" "$BOMB_MB" <<'PY'
import gzip, io, sys, zipfile
out, mb = sys.argv[1], int(sys.argv[2])
chunk = b"\0" * (1 << 20)
text = (b"2024-03-01T10:00:00.000Z,SendConnector,08DC,1,10.0.0.1:25,40.92.0.1:25,<,"
        b"421 4.4.2 Connection dropped due to SocketError,\r\n") * 8000
text = text[: 1 << 20]
with zipfile.ZipFile(f"{out}/zeros.zip", "w", zipfile.ZIP_DEFLATED) as z, z.open("zeros.log", "w", force_zip64=True) as f:
    for _ in range(mb): f.write(chunk)
with zipfile.ZipFile(f"{out}/text.zip", "w", zipfile.ZIP_DEFLATED) as z, z.open("SEND2024.LOG", "w", force_zip64=True) as f:
    for _ in range(mb): f.write(text)
with gzip.open(f"{out}/text.log.gz", "wb") as f:
    for _ in range(mb): f.write(text)
inner = io.BytesIO()
with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
    z.write(f"{out}/zeros.zip", "inner.zip")
with zipfile.ZipFile(f"{out}/nested.zip", "w", zipfile.ZIP_STORED) as z:
    z.writestr("outer.zip", inner.getvalue())
PY
ls -la "$OUT"/*.zip "$OUT"/*.gz | awk '{print "   " $5 " bytes  " $9}'
for b in zeros.zip text.zip text.log.gz nested.zip; do
  run_one "diagnose --logs $b" "${KB[@]}" diagnose --logs "$OUT/$b" --format json
done
fi

if part 3; then
echo "== 3. hostile knowledge through the jar (5,000-character line)"
mkdir -p "$OUT/k" && printf '2024-03-01 start\n%s\n' "$(printf 'a%.0s' $(seq 5000))" > "$OUT/long.log"
for re in '(a|aa)+$' '(a|a?)+$' '((a*)*)*b$' '(.*a){25}$'; do
  printf 'knowledgeVersion: 1\nsymptoms:\n  - id: regex-bomb\n    title: bomb\n    regex: '"'"'%s'"'"'\n' "$re" > "$OUT/k/bomb.yaml"
  run_one "symptom regex $re" "${KB[@]}" collect --knowledge "$OUT/k" --logs "$OUT/long.log" -o "$OUT/bomb.json"
  grep -q regex-bomb "$OUT/bomb.json" && echo "   -> symptom found" || echo "   -> symptom not found"
done
fi

if part 4; then
echo "== 4. SIGKILL during -o ($KILLS runs)"
corpus="$OUT/killcorpus" && mkdir -p "$corpus"
python3 - "$corpus" <<'PY'
import sys
line = ("2024-03-01T10:00:%02d.000Z,SendConnector,08DC%05d,1,10.0.0.1:25,40.92.0.1:25,<,"
        "421 4.4.2 Connection dropped due to SocketError,\r\n")
for f in range(8):
    with open(f"{sys.argv[1]}/SEND2024030{f}-1.LOG", "w", newline="") as o:
        o.write("#Software: Microsoft Exchange Server\r\n#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n")
        for i in range(25000): o.write(line % (i % 60, i))
PY
# one uninterrupted run first: kills are spread over 0.2 s .. 1.3 x its time, so some land while the JVM starts,
# some while it scans, some around the write and some after it ended
t0=$(date +%s%N); "${KB[@]}" collect --logs "$corpus" -o "$OUT/kill-reference.json" >/dev/null 2>&1; t1=$(date +%s%N)
full=$(echo "($t1 - $t0) / 1000000000" | bc -l)
printf '   one uninterrupted run: %.1f s\n' "$full"
intact=0; complete=0; broken=0; leftovers=0
for i in $(seq "$KILLS"); do
  target="$OUT/kill-target.json"
  printf 'OLD CONTENT %s\n' "$i" > "$target"
  "${KB[@]}" collect --logs "$corpus" -o "$target" >/dev/null 2>&1 &
  pid=$!
  sleep "$(python3 -c "import random; random.seed($i); print(round(random.uniform(0.2, 1.3 * $full), 2))")"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ "$(cat "$target")" = "OLD CONTENT $i" ]; then intact=$((intact + 1))
  elif python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$target" 2>/dev/null; then complete=$((complete + 1))
  else broken=$((broken + 1)); cp "$target" "$OUT/broken-$i.json"; fi
  leftovers=$((leftovers + $(find "$OUT" -maxdepth 1 -name '.kill-target.json.*.tmp' | wc -l)))
  rm -f "$OUT"/.kill-target.json.*.tmp
done
echo "SIGKILL during -o: $KILLS runs: $intact left the old file intact, $complete complete new files, $broken half-written; hidden temporary files left: $leftovers" \
  | tee "$OUT/kills.txt"
fi

echo "== /dev/null after the campaign: $(stat -c '%F %t,%T' /dev/null)"

#!/usr/bin/env bash
# Start-up benchmark: `./kb diagnose` on a bundled example (with and without a user knowledge folder) against a
# picocli hello-world jar built from the same JDK, side by side, and the ratio of medians.
# usage: bench/startup.sh [RUNS]   (default 15)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=${1:-15}
out="$root/bench/out"
mkdir -p "$out/hello-classes"
cd "$root"

./kb --version >/dev/null   # builds the jar and the CDS archive if needed
picocli=$(find ~/.m2/repository/info/picocli/picocli -name 'picocli-*.jar' | grep -v sources | sort | tail -1)
javac -q -d "$out/hello-classes" -cp "$picocli" bench/hello/Hello.java 2>/dev/null || javac -d "$out/hello-classes" -cp "$picocli" bench/hello/Hello.java
(cd "$out/hello-classes" && unzip -qo "$picocli" 'picocli/*' && printf 'Main-Class: Hello\n' > manifest.txt \
  && jar cfm "$out/hello.jar" manifest.txt Hello.class picocli)

example="tls12-client-disabled-export"
# stdout is discarded by the runner (hyperfine, or >/dev/null in time_ms): never `-o /dev/null`, which replaced
# the device with a regular file when this ran as root before kb refused to replace what it did not create
hello="java -jar $out/hello.jar"
kb="./kb diagnose --example $example --format json"
kbuser="./kb diagnose --example $example --knowledge bench/fixtures/user-knowledge --format json"
kbnocds="env KB_NO_CDS=1 ./kb diagnose --example $example --format json"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_ms() { # command... -> prints median wall time in ms over $runs runs (after 2 warm-ups)
  local i s e
  for i in 1 2; do bash -c "$1" >/dev/null 2>&1 || true; done
  for i in $(seq "$runs"); do
    s=$(date +%s%N); bash -c "$1" >/dev/null 2>&1 || true; e=$(date +%s%N)
    echo $(( (e - s) / 1000000 ))
  done | median
}

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N --warmup 2 --runs "$runs" -i --export-json "$out/startup.json" \
    "$hello" "$kb" "$kbuser" "$kbnocds" >/dev/null 2>&1
  read -r h k u n < <(python3 - "$out/startup.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(*[round(x["median"] * 1000) for x in r])
PY
)
else
  h=$(time_ms "$hello"); k=$(time_ms "$kb"); u=$(time_ms "$kbuser"); n=$(time_ms "$kbnocds")
fi
printf '%-58s %8s %7s\n' "command (median of $runs runs, $(nproc) cores)" "ms" "ratio"
printf '%-58s %8d %7s\n' "picocli hello-world jar (baseline)" "$h" "1.00"
printf '%-58s %8d %7.2f\n' "kb diagnose --example (AppCDS + C1, the launcher default)" "$k" "$(echo "$k / $h" | bc -l)"
printf '%-58s %8d %7.2f\n' "kb diagnose --example --knowledge user-dir" "$u" "$(echo "$u / $h" | bc -l)"
printf '%-58s %8d %7.2f\n' "kb diagnose --example, KB_NO_CDS=1" "$n" "$(echo "$n / $h" | bc -l)"

#!/usr/bin/env bash
# `kb diagnose evidence.zip` (ZIPSCAN_MB of send protocol logs, default 200, deflated) against diagnosing the
# unpacked folder, interleaved (bench/interleave.py): same findings checked first, then the medians and the ratio.
# usage: bench/zipscan.sh [RUNS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${ZIPSCAN_MB:-200}
runs=${1:-3}
out=bench/out; mkdir -p "$out"
dir=$out/corpus-${MB}mb
zipfile=$out/corpus-${MB}mb.zip

./kb --version >/dev/null   # builds the jar and the start-up archive if needed
if [ ! -d "$dir" ]; then
  ./kb collect --help >/dev/null
  cpfile=$out/classpath.txt
  [ -s "$cpfile" ] || ./mvnw -B -q -pl kb-model,kb-plugins test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$cpfile" >/dev/null
  java -cp "kb-plugins/target/classes:kb-plugins/target/test-classes:kb-model/target/classes:$(cat "$cpfile")" \
    io.mailflowkb.plugins.logs.LogScanBench generate "$dir" "$MB"
fi
[ -f "$zipfile" ] || (cd "$dir" && zip -q -r "$OLDPWD/$zipfile" .)
ls -l "$zipfile" | awk -v mb="$MB" '{printf "zip: %.0f MB deflated from %s MB of logs\n", $5 / 1048576, mb}'
cat "$dir"/* "$zipfile" > /dev/null   # page cache

folder_cmd="./kb diagnose $dir --format json"
zip_cmd="./kb diagnose $zipfile --format json"
ids() { python3 -c 'import json,sys; print(sorted(f["id"] for f in json.load(sys.stdin)["findings"]))' 2>/dev/null; }
f=$($folder_cmd | ids || true); z=$($zip_cmd | ids || true)
if [ -z "$f" ] || [ -z "$z" ]; then
  echo "kb could not diagnose the folder or the zip (see: $folder_cmd; $zip_cmd)" >&2
  exit 1
fi
echo "findings: folder $f, zip $z -> $([ "$f" = "$z" ] && echo same || echo DIFFERENT)"
python3 bench/interleave.py --runs "$runs" --warmup 1 --json "$out/zipscan.json" \
  folder="$folder_cmd" zip="$zip_cmd" --ratio zip/folder

#!/usr/bin/env bash
# The probe's four-version STARTTLS sweep (TLS 1.0, 1.1, 1.2, 1.3: four connections) of the local Postfix
# instances, interleaved (bench/interleave.py) with two baselines doing the same job:
#   openssl - four sequential `openssl s_client -starttls smtp -tls1|-tls1_1|-tls1_2|-tls1_3` runs
#   testssl - testssl.sh's protocol scan, `testssl --starttls smtp -p` (Debian package testssl.sh)
# First checks that `kb probe` and testssl.sh give the same verdict (offered / not offered) for every TLS version,
# then prints the median wall and user+sys CPU times and the ratios.
# usage: bench/probe.sh [legacy|modern|both] [RUNS]      (default both, 5 interleaved rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-both}
runs=${2:-5}
out=bench/out; mkdir -p "$out"

ports=$(bash tools/test-servers/postfix.sh start)
ca="${KB_POSTFIX_DIR:-${TMPDIR:-/tmp}/kb-postfix}/ca.pem"
./kb --version >/dev/null   # builds the jar and the start-up archive if needed
testssl=$(command -v testssl || command -v testssl.sh || true)
[ -n "$testssl" ] || echo "testssl.sh not installed (apt-get install testssl.sh): that baseline is skipped" >&2

instances=$which; [ "$which" = both ] && instances="legacy modern"
for instance in $instances; do
  port=$(echo "$ports" | awk -v n="$instance" '$1 == n { sub("127.0.0.1:", "", $2); print $2 }')
  [ -n "$port" ] || { echo "postfix $instance instance not running: $ports" >&2; exit 1; }
  target=127.0.0.1:$port
  probe_cmd="./kb probe $target --format json --trust-ca $ca"   # exit 1 (a finding) is a normal result
  sweep="$out/openssl-sweep-$port.sh"
  cat >"$sweep" <<SH
for v in -tls1 -tls1_1 -tls1_2 -tls1_3; do
  c=""; case \$v in -tls1|-tls1_1) c="-cipher DEFAULT@SECLEVEL=0";; esac
  timeout 10 openssl s_client -starttls smtp -connect $target \$v \$c </dev/null >/dev/null 2>&1 || true
done
SH
  echo "== $instance $target"
  args=(probe="$probe_cmd" openssl="bash $sweep" --ratio probe/openssl)
  if [ -n "$testssl" ]; then
    # same verdicts per TLS version: kb probe's outcome "ok" is testssl's "offered"
    ./kb probe "$target" --format json --trust-ca "$ca" > "$out/probe-$port.json" || true
    rm -f "$out/testssl-$port.json"
    "$testssl" --quiet --color 0 --warnings off --starttls smtp -p --jsonfile "$out/testssl-$port.json" "$target" \
      >/dev/null 2>&1 || true
    python3 - "$out/probe-$port.json" "$out/testssl-$port.json" <<'PY'
import json, sys
kb = {p["tlsVersion"]: p["outcome"] == "ok" for p in json.load(open(sys.argv[1]))["probes"]}
ids = {"TLS 1.0": "TLS1", "TLS 1.1": "TLS1_1", "TLS 1.2": "TLS1_2", "TLS 1.3": "TLS1_3"}
ts = {x["id"]: x["finding"] for x in json.load(open(sys.argv[2])) if x["id"] in ids.values()}
same = 0
for version, tid in ids.items():
    offered = ts.get(tid, "").startswith("offered")
    verdict = "same" if kb.get(version) == offered else "DIFFERENT"
    same += verdict == "same"
    print(f"  {version}: kb probe {'ok' if kb.get(version) else 'not ok'}, testssl '{ts.get(tid)}' -> {verdict}")
print(f"  verdicts equal to testssl.sh: {same}/{len(ids)}")
PY
    args+=(testssl="$testssl --quiet --color 0 --warnings off --starttls smtp -p $target" --ratio probe/testssl)
  fi
  python3 bench/interleave.py --runs "$runs" --warmup 1 --json "$out/probe-$instance.json" "${args[@]}"
done

#!/usr/bin/env bash
# Times the probe's four-version STARTTLS sweep (TLS 1.0, 1.1, 1.2, 1.3: four connections) of one local Postfix
# instance against four sequential `openssl s_client -starttls smtp` runs doing the same, side by side.
# usage: bench/probe.sh [legacy|modern]      (default modern); numbers go to docs/perf.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
instance=${1:-modern}

ports=$(bash tools/test-servers/postfix.sh start)
port=$(echo "$ports" | awk -v n="$instance" '$1 == n { sub("127.0.0.1:", "", $2); print $2 }')
[ -n "$port" ] || { echo "postfix $instance instance not running: $ports" >&2; exit 1; }
target=127.0.0.1:$port

if [ -x ./kb ]; then
  # exit 1 (a finding, e.g. peer-legacy-tls-only) is a normal result here; the CA makes the modern chain trusted
  ca="${KB_POSTFIX_DIR:-${TMPDIR:-/tmp}/kb-postfix}/ca.pem"
  probe_cmd="./kb probe $target --format json --trust-ca $ca"
else
  # the kb CLI is built elsewhere: run the collector from the test classpath
  if [ ! -f kb-plugins/target/test-classes/io/mailflowkb/plugins/probe/ProbeMain.class ]; then
    ./mvnw -B -q -o install -pl kb-model -DskipTests
    ./mvnw -B -q -o -pl kb-plugins test-compile
  fi
  cp=kb-plugins/target/classes:kb-plugins/target/test-classes:kb-model/target/classes
  probe_cmd="java -cp $cp io.mailflowkb.plugins.probe.ProbeMain $target"
fi

openssl_sweep=$(mktemp)
trap 'rm -f "$openssl_sweep" "$openssl_sweep.json"' EXIT
cat >"$openssl_sweep" <<SH
for v in -tls1 -tls1_1 -tls1_2 -tls1_3; do
  c=""; case \$v in -tls1|-tls1_1) c="-cipher DEFAULT@SECLEVEL=0";; esac
  timeout 10 openssl s_client -starttls smtp -connect $target \$v \$c </dev/null >/dev/null 2>&1 || true
done
SH
openssl_cmd="bash $openssl_sweep"

echo "target: $instance $target"
echo "probe:   $probe_cmd"
echo "openssl: 4 x openssl s_client -starttls smtp -connect $target -tls1|-tls1_1|-tls1_2|-tls1_3"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N -i --warmup 2 --runs 15 --export-json "$openssl_sweep.json" \
    -n probe "$probe_cmd" -n openssl "$openssl_cmd"
  python3 - "$openssl_sweep.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
p, o = r["probe"]["median"], r["openssl"]["median"]
print(f"median: probe {p*1000:.0f} ms, openssl x4 {o*1000:.0f} ms, ratio probe/openssl = {p/o:.2f}")
PY
else
  median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  t() { local s e; s=$(date +%s%N); eval "$1" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
  p=$(for _ in 1 2 3 4 5; do t "$probe_cmd"; done | median)
  o=$(for _ in 1 2 3 4 5; do t "$openssl_cmd"; done | median)
  echo "median of 5: probe ${p} ms, openssl x4 ${o} ms, ratio probe/openssl = $(awk -v p="$p" -v o="$o" 'BEGIN{printf "%.2f", p/o}')"
fi
if [ ! -x ./kb ]; then
  # steady state inside one JVM (no start-up): what an embedding program or a multi-target run pays per sweep
  java -cp "$cp" io.mailflowkb.plugins.probe.ProbeMain -n 20 "$target" | grep '^median'
fi

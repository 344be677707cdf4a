#!/usr/bin/env bash
# Times a one-shot `kb diagnose` of a shipped example with and without a user knowledge folder (one symptom, one
# finding), to show that user knowledge adds no run-time Java compilation: YAML rules are translated through the
# executable-model API, the shipped DRL was compiled at build time.
# usage: bench/startup.sh            numbers go to docs/perf.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=kb-cli/target/kb.jar
[ -f "$jar" ] || ./mvnw -B -q -o install -DskipTests
user=$(mktemp -d)
trap 'rm -rf "$user"' EXIT
cat >"$user/appliance.yaml" <<'YAML'
knowledgeVersion: 1
symptoms:
  - {id: appliance-no-tls, title: "Our appliance refuses TLS", literals: ["550 appliance refuses TLS"]}
findings:
  - id: appliance-tls-refused
    severity: warning
    direction: outbound
    title: "The mail appliance refused TLS"
    when:
      - fact: Symptom
        where: [{field: id, op: equals, value: appliance-no-tls}]
    remediation: [{text: "Update the appliance firmware."}]
    references: [{title: "Appliance manual", url: "https://example.com/manual"}]
YAML
hyperfine --warmup 2 --runs 10 -N --ignore-failure \
  "java -XX:TieredStopAtLevel=1 -jar $jar diagnose --example tls12-client-disabled --format json" \
  "java -XX:TieredStopAtLevel=1 -jar $jar diagnose --example tls12-client-disabled --format json --knowledge $user"

#!/usr/bin/env bash
# Checks that an incremental build forgets knowledge files removed from knowledge/: builds a copy of this checkout
# (tracked and untracked files, no target/), moves one finding folder as the knowledge split did, runs the same
# incremental `./mvnw package` that ./kb runs, and checks that the old path is gone from target/classes, from the
# build-time knowledge form and from kb.jar, and that the jar loads its knowledge (a stale copy made it fail with
# "finding ... is defined twice"), and that the jar holds one generation of the rule classes kie-maven-plugin makes
# from the DRL (their names carry a new random id per build; stale ones piled up in the jar). Needs only the JDK and ~/.m2 (nothing is installed there). Takes 2-4 minutes.
# usage: tools/incremental-knowledge-build.sh [FINDING_ID]   (default cipher-suite-mismatch)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
id="${1:-cipher-suite-mismatch}"
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
(cd "$root" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -xf - -C "$work"
cd "$work"; [ -n "${KEEP:-}" ] && echo "work copy: $work" >&2
old="knowledge/tls-deprecation/findings/$id"
new="knowledge/tls-deprecation/findings/$id-moved"
[ -f "$old/finding.yaml" ] || { echo "no finding folder $old" >&2; exit 2; }

./mvnw -B -q -DskipTests package
[ -f "kb-rules/target/classes/$old/finding.yaml" ] || { echo "FAIL: first build did not package $old" >&2; exit 1; }
mv "$old" "$new"
./mvnw -B -q -DskipTests package

fail=0
unzip -Z1 kb-cli/target/kb.jar > "$work/jar-entries" # a file, not a pipe: grep -q would cut unzip off (pipefail)
if [ -e "kb-rules/target/classes/$old" ]; then echo "FAIL: kb-rules/target/classes/$old is still there" >&2; fail=1; fi
if grep -q "^$old/" "$work/jar-entries"; then echo "FAIL: kb.jar still holds $old/" >&2; fail=1; fi
if grep -aq "$old/finding.yaml" kb-rules/target/classes/META-INF/mailflowkb/knowledge.bin; then
  echo "FAIL: the build-time knowledge form still holds $old/finding.yaml" >&2; fail=1
fi
models=$(grep -c '^io/mailflowkb/rules/drl/Rules[0-9a-f]*\.class$' "$work/jar-entries" || true)
[ "$models" = 1 ] || { echo "FAIL: kb.jar holds $models generated rule models (Rules<id>.class), not 1" >&2; fail=1; }
grep -qx "$new/finding.yaml" "$work/jar-entries" || { echo "FAIL: kb.jar lacks $new/finding.yaml" >&2; fail=1; }
if ! java -jar kb-cli/target/kb.jar rules list >/dev/null 2>"$work/stderr"; then
  echo "FAIL: the rebuilt jar does not load its knowledge: $(head -3 "$work/stderr")" >&2; fail=1
fi
[ "$fail" = 0 ] && echo "ok: $old moved to $new; the incremental build packaged only the new path"
exit "$fail"

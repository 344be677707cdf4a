#!/usr/bin/env bash
# Start-up benchmark: `./kb diagnose` on a bundled example against a picocli hello-world jar run by the same JDK,
# interleaved (bench/interleave.py), for the JDK 17 on the PATH (dynamic AppCDS archive) and for a JDK 25 when one
# is installed (AOT cache), each also without its archive (KB_NO_CDS=1), plus a run with a user knowledge folder and
# `kb --version` on JDK 25 (the CLI's floor: JVM, launcher, picocli, no knowledge).
# Prints the median wall and user+sys CPU time of each and the ratios to the hello-world jar on the same JDK.
# usage: bench/startup.sh [RUNS]   (default 15)     JDK25=/path/to/jdk overrides where JDK 25 is looked for
#   KB_BASELINE=/path/to/other/checkout adds that checkout's ./kb (built, its jar up to date: its launcher may run
#   `mvnw install` otherwise) as a second baseline, e.g. `git archive main` built with `./mvnw package`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=${1:-15}
out="$root/bench/out"
mkdir -p "$out/hello-classes"
cd "$root"

jdk17="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
jdk25="${JDK25:-$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[5-9]-* 2>/dev/null | head -1 || true)}"

# builds the jar and each JDK's archive if needed (shell redirection: never point kb -o at a device)
KB_JAVA="$jdk17" ./kb --version >/dev/null
[ -n "$jdk25" ] && KB_JAVA="$jdk25" ./kb --version >/dev/null
picocli=$(find ~/.m2/repository/info/picocli/picocli -name 'picocli-*.jar' | grep -v sources | sort | tail -1)
javac -d "$out/hello-classes" -cp "$picocli" bench/hello/Hello.java
(cd "$out/hello-classes" && unzip -qo "$picocli" 'picocli/*' && printf 'Main-Class: Hello\n' > manifest.txt \
  && jar cfm "$out/hello.jar" manifest.txt Hello.class picocli)
ls -l kb-cli/target/kb.jar | awk '{printf "kb.jar: %.1f MB\n", $5 / 1048576}'

example="diagnose --example tls12-client-disabled-export --format json"
args=(hello-17="$jdk17/bin/java -jar $out/hello.jar"
      kb-17-cds="KB_JAVA=$jdk17 ./kb $example"
      kb-17-nocds="KB_NO_CDS=1 KB_JAVA=$jdk17 ./kb $example"
      kb-17-user-knowledge="KB_JAVA=$jdk17 ./kb $example --knowledge bench/fixtures/user-knowledge"
      --ratio kb-17-cds/hello-17 --ratio kb-17-nocds/hello-17 --ratio kb-17-user-knowledge/hello-17)
if [ -n "$jdk25" ]; then
  args+=(hello-25="$jdk25/bin/java -jar $out/hello.jar"
         kb-25-aot="KB_JAVA=$jdk25 ./kb $example"
         kb-25-noaot="KB_NO_CDS=1 KB_JAVA=$jdk25 ./kb $example"
         kb-25-version="KB_JAVA=$jdk25 ./kb --version"
         --ratio kb-25-aot/hello-25 --ratio kb-25-noaot/hello-25 --ratio kb-25-aot/kb-17-cds
         --ratio kb-25-version/hello-25)
fi
# the baseline checkout's launcher picks its JDK the same way, so KB_JAVA names it (PATH alone would let it find
# the JDK 25 and run that)
if [ -n "${KB_BASELINE:-}" ]; then
  (cd "$KB_BASELINE" && KB_JAVA="$jdk17" ./kb --version >/dev/null)
  args+=(baseline-17="KB_JAVA=$jdk17 $KB_BASELINE/kb $example" --ratio kb-17-cds/baseline-17)
  if [ -n "$jdk25" ]; then
    (cd "$KB_BASELINE" && KB_JAVA="$jdk25" ./kb --version >/dev/null)
    args+=(baseline-25="KB_JAVA=$jdk25 $KB_BASELINE/kb $example" --ratio kb-25-aot/baseline-25)
  fi
fi
python3 bench/interleave.py --runs "$runs" --warmup 2 --json "$out/startup.json" "${args[@]}"

#!/usr/bin/env bash
# Makes Debian's `testssl.sh` package available for the testssl.sh import test (TestsslProbeAgreementTest) and
# prints the path of the binary (`testssl`) on stdout. Idempotent: does nothing when it is already installed.
# Runs `apt-get update` only when the package is not known yet. Exit 1 (with a reason on stderr) when it cannot
# be installed; the test then skips with that reason instead of passing silently.
set -euo pipefail

find_testssl() {
  for c in testssl testssl.sh; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
  done
  return 1
}

if path=$(find_testssl); then
  echo "$path"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "testssl.sh: testssl.sh is not installed and installing needs root (no passwordless sudo)" >&2
    exit 1
  fi
fi
command -v apt-get >/dev/null 2>&1 || { echo "testssl.sh: no apt-get on this system" >&2; exit 1; }

export DEBIAN_FRONTEND=noninteractive
if ! apt-cache show testssl.sh >/dev/null 2>&1; then
  $sudo apt-get update -q >&2
fi
$sudo apt-get install -y -q --no-install-recommends testssl.sh >&2 || {
  echo "testssl.sh: apt-get install testssl.sh failed" >&2
  exit 1
}
find_testssl || { echo "testssl.sh: testssl.sh installed but not on PATH" >&2; exit 1; }

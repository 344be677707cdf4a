#!/usr/bin/env bash
# Makes Debian's wine64 available for the Windows-side tests (the collection script and the fix scripts run in
# Wine's real cmd.exe and reg.exe, see docs/collection.md) and prints the path of the binary on stdout.
# Idempotent: does nothing when wine64 is already installed. Debian puts it at /usr/lib/wine/wine64, not on PATH.
# Runs `apt-get update` only when the package is not known yet. Exit 1 (with a reason on stderr) when it cannot be
# installed; the tests then skip with that reason instead of passing silently.
set -euo pipefail

find_wine() {
  for c in "${KB_WINE:-}" /usr/lib/wine/wine64 "$(command -v wine64 2>/dev/null || true)"; do
    if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  return 1
}

if path=$(find_wine); then
  echo "$path"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "wine.sh: wine64 is not installed and installing needs root (no passwordless sudo)" >&2
    exit 1
  fi
fi
command -v apt-get >/dev/null 2>&1 || { echo "wine.sh: no apt-get on this system" >&2; exit 1; }

export DEBIAN_FRONTEND=noninteractive
if ! apt-cache show wine64 >/dev/null 2>&1; then
  $sudo apt-get update -q >&2
fi
$sudo apt-get install -y -q --no-install-recommends wine64 >&2 || {
  echo "wine.sh: apt-get install wine64 failed" >&2
  exit 1
}
find_wine || { echo "wine.sh: wine64 installed but not found at /usr/lib/wine/wine64" >&2; exit 1; }

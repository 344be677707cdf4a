#!/usr/bin/env bash
# Makes Debian's wine64 available for the Windows-side tests (the collection script and the fix scripts run in
# Wine's real cmd.exe and reg.exe, see docs/collection.md) and prints the path of the binary on stdout.
# Debian puts it at /usr/lib/wine/wine64, not on PATH; KB_WINE names another one. Idempotent; installs with
# apt-get through apt-package.sh (exit 1 with the reason on stderr when it cannot; the tests then skip with it).
set -euo pipefail
. "$(dirname "$0")/apt-package.sh"

find_wine() {
  for c in "${KB_WINE:-}" /usr/lib/wine/wine64 "$(command -v wine64 2>/dev/null || true)"; do
    if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  return 1
}

ensure_apt_package wine.sh wine64 find_wine "wine64 installed but not found at /usr/lib/wine/wine64"

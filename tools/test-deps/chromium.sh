#!/usr/bin/env bash
# Makes Debian's headless-capable `chromium` available for the HTML report test (HtmlReportChromiumTest) and
# prints the path of the binary on stdout. Idempotent: does nothing when chromium is already installed.
# Runs `apt-get update` only when the package is not known yet. Exit 1 (with a reason on stderr) when it
# cannot be installed; the test then skips with that reason instead of passing silently.
set -euo pipefail

find_chromium() {
  for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
  done
  return 1
}

if path=$(find_chromium); then
  echo "$path"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "chromium.sh: chromium is not installed and installing needs root (no passwordless sudo)" >&2
    exit 1
  fi
fi
command -v apt-get >/dev/null 2>&1 || { echo "chromium.sh: no apt-get on this system" >&2; exit 1; }

export DEBIAN_FRONTEND=noninteractive
if ! apt-cache show chromium >/dev/null 2>&1; then
  $sudo apt-get update -q >&2
fi
$sudo apt-get install -y -q --no-install-recommends chromium >&2 || {
  echo "chromium.sh: apt-get install chromium failed" >&2
  exit 1
}
find_chromium || { echo "chromium.sh: chromium installed but not on PATH" >&2; exit 1; }

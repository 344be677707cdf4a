#!/usr/bin/env bash
# Makes Debian's headless-capable `chromium` available for the HTML report test (HtmlReportChromiumTest) and
# prints the path of the binary on stdout. Idempotent; installs with apt-get through apt-package.sh (exit 1 with
# the reason on stderr when it cannot; the test then skips with that reason instead of passing silently).
set -euo pipefail
. "$(dirname "$0")/apt-package.sh"

find_chromium() {
  for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
  done
  return 1
}

ensure_apt_package chromium.sh chromium find_chromium

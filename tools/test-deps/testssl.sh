#!/usr/bin/env bash
# Makes Debian's `testssl.sh` package available for the testssl.sh import test (TestsslProbeAgreementTest) and
# prints the path of the binary (`testssl`) on stdout. Idempotent; installs with apt-get through apt-package.sh
# (exit 1 with the reason on stderr when it cannot; the test then skips with that reason).
set -euo pipefail
. "$(dirname "$0")/apt-package.sh"

find_testssl() {
  for c in testssl testssl.sh; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
  done
  return 1
}

ensure_apt_package testssl.sh testssl.sh find_testssl

# Shared by the test-dependency scripts (tools/test-deps/*.sh, tools/test-servers/postfix.sh): installing a Debian
# package for a test, the same way everywhere. Sourced, not run.
#
#   apt_root NAME PACKAGES     sets APT_ROOT to "" (root) or "sudo -n" (passwordless sudo); else says why on
#                              stderr, prefixed with NAME, and returns 1
#   apt_install NAME PKG...    installs the packages without recommends; runs `apt-get update` first only when a
#                              package is not known yet; returns 1 with the reason on stderr when it cannot
#   ensure_apt_package NAME PACKAGE FINDER [WHY]
#                              prints what FINDER (a function printing the tool's path) prints and returns when the
#                              tool is there; otherwise installs PACKAGE and runs FINDER again. Exits 1 with the
#                              reason on stderr (WHY when the package installed but FINDER still finds nothing), so
#                              the test that needs the tool skips with that reason instead of passing silently.
# Idempotent: nothing is installed when the tool is already there.

apt_root() {
  local name=$1 packages=$2
  APT_ROOT=""
  [ "$(id -u)" -eq 0 ] && return 0
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    APT_ROOT="sudo -n"
    return 0
  fi
  echo "$name: $packages is not installed and installing needs root (no passwordless sudo)" >&2
  return 1
}

apt_install() {
  local name=$1; shift
  apt_root "$name" "$*" || return 1
  command -v apt-get >/dev/null 2>&1 || { echo "$name: no apt-get on this system" >&2; return 1; }
  export DEBIAN_FRONTEND=noninteractive
  local p
  for p in "$@"; do
    if ! apt-cache show "$p" >/dev/null 2>&1; then
      $APT_ROOT apt-get update -q >&2
      break
    fi
  done
  $APT_ROOT apt-get install -y -q --no-install-recommends "$@" >&2 || {
    echo "$name: apt-get install $* failed" >&2
    return 1
  }
}

ensure_apt_package() {
  local name=$1 package=$2 finder=$3 why=${4:-"$2 installed but not on PATH"}
  local path
  if path=$("$finder"); then
    echo "$path"
    return 0
  fi
  apt_install "$name" "$package" || exit 1
  "$finder" || { echo "$name: $why" >&2; exit 1; }
}

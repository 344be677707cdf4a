#!/usr/bin/env bash
# Two private Postfix instances on 127.0.0.1 used as real STARTTLS peers by the probe tests and bench/probe.sh:
#   legacy  - TLS 1.0 and 1.1 only, OpenSSL SECLEVEL=0 (OpenSSL 3 refuses 1.0/1.1 at level 1 and above)
#   modern  - TLS 1.2 and 1.3 only
# Neither instance relays or delivers anything (every recipient is rejected, all transports are "error").
#
# usage: postfix.sh start|stop|status [DIR]      (DIR defaults to ${TMPDIR:-/tmp}/kb-postfix; DIR/ca.pem is the
#        test CA that signed the servers' certificate)
# env:   KB_POSTFIX_LEGACY_PORT (default 12525), KB_POSTFIX_MODERN_PORT (default 12526)
# start and status print one line per instance: "<name> 127.0.0.1:<port>"; exit 0 only when both run.
# Idempotent: start on running instances just prints them.
set -euo pipefail

cmd=${1:-status}
base=${2:-${KB_POSTFIX_DIR:-${TMPDIR:-/tmp}/kb-postfix}}
legacy_port=${KB_POSTFIX_LEGACY_PORT:-12525}
modern_port=${KB_POSTFIX_MODERN_PORT:-12526}
export PATH="/usr/sbin:/sbin:$PATH"

log() { echo "postfix.sh: $*" >&2; }
. "$(dirname "$0")/../test-deps/apt-package.sh"

install_if_missing() {
  local need=()
  command -v postfix >/dev/null 2>&1 || need+=(postfix)
  command -v openssl >/dev/null 2>&1 || need+=(openssl)
  [ ${#need[@]} -eq 0 ] && return 0
  apt_root postfix.sh "${need[*]}" || return 1
  log "installing ${need[*]}"
  echo "postfix postfix/main_mailer_type select No configuration" | $APT_ROOT debconf-set-selections
  apt_install postfix.sh "${need[@]}" >"$base/apt.log" 2>&1 || { log "apt-get install failed, see $base/apt.log"; return 1; }
}

make_cert() {
  # A private test CA signs the servers' certificate, so a probe given the CA (kb probe --trust-ca ca.pem) can
  # check the chain as it would for a site with an internal CA; without it the chain is reported untrusted.
  [ -s "$base/ca.pem" ] && [ -s "$base/cert.pem" ] && [ -s "$base/key.pem" ] && return 0
  for n in legacy modern; do   # instances started with an older certificate must pick up the new one
    [ -d "$base/$n" ] && running "$n" && postfix -c "$base/$n" stop >/dev/null 2>&1 || true
  done
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=Mailflow KB test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$base/ca-key.pem" -out "$base/ca.pem" >/dev/null 2>&1
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$base/key.pem" -out "$base/cert.csr" >/dev/null 2>&1
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > "$base/cert.ext"
  openssl x509 -req -in "$base/cert.csr" -CA "$base/ca.pem" -CAkey "$base/ca-key.pem" -CAcreateserial -days 3650 \
    -extfile "$base/cert.ext" -out "$base/cert.pem" >/dev/null 2>&1
  chmod 600 "$base/key.pem" "$base/ca-key.pem"
}

# write_instance NAME PORT PROTOCOLS EXTRA...
write_instance() {
  local name=$1 port=$2 protocols=$3; shift 3
  local d="$base/$name"
  mkdir -p "$d/queue" "$d/data"
  chown root:root "$d/queue"; chmod 755 "$d/queue"
  chown postfix "$d/data" 2>/dev/null || true
  local master_src=/usr/share/postfix/master.cf.dist
  [ -f "$master_src" ] || master_src=/etc/postfix/master.cf
  # no chroot (the private queue dir has no /etc), and our own listener instead of the port 25 "smtp inet" one
  awk -v listen="127.0.0.1:$port" '
    /^smtp[ \t]+inet/ { print listen "      inet  n       -       n       -       -       smtpd"; skip=1; next }
    skip && /^[ \t]/ { next }
    { skip=0 }
    /^[a-z0-9]/ && NF >= 8 { $5 = "n" }
    { print }' "$master_src" | grep -v -E '^(submission|smtps|postscreen|dnsblog|tlsproxy|submissions)[ \t]' >"$d/master.cf"
  cat >"$d/main.cf" <<CF
compatibility_level = 3.6
myhostname = $name.kb.test
mydomain = kb.test
myorigin = \$myhostname
mydestination =
relayhost =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
queue_directory = $d/queue
data_directory = $d/data
meta_directory = /etc/postfix
syslog_name = postfix-kb-$name
maillog_file = $d/maillog
maillog_file_prefixes = $d
alias_maps =
alias_database =
local_transport = error:local delivery disabled
default_transport = error:delivery disabled
relay_transport = error:relay disabled
smtpd_relay_restrictions = reject
smtpd_recipient_restrictions = reject
smtpd_banner = \$myhostname ESMTP kb-test-$name
smtpd_tls_cert_file = $base/cert.pem
smtpd_tls_key_file = $base/key.pem
smtpd_tls_security_level = may
smtpd_tls_protocols = $protocols
smtpd_tls_mandatory_protocols = $protocols
smtpd_tls_loglevel = 1
smtpd_tls_session_cache_database =
smtp_tls_security_level = none
CF
  for line in "$@"; do echo "$line" >>"$d/main.cf"; done
  echo "$port" >"$d/port"
}

running() { postfix -c "$base/$1" status >/dev/null 2>&1; }

print_status() {
  local ok=0
  for n in legacy modern; do
    if [ -f "$base/$n/port" ] && running "$n"; then echo "$n 127.0.0.1:$(cat "$base/$n/port")"; else echo "$n not-running"; ok=1; fi
  done
  return $ok
}

case "$cmd" in
  start)
    mkdir -p "$base"
    install_if_missing
    make_cert
    for n in legacy modern; do
      running "$n" && continue
      if [ "$n" = legacy ]; then
        write_instance legacy "$legacy_port" ">=TLSv1, <=TLSv1.1" \
          "tls_low_cipherlist = ALL:!aNULL:!eNULL:@SECLEVEL=0" "smtpd_tls_ciphers = low" "smtpd_tls_mandatory_ciphers = low"
      else
        write_instance modern "$modern_port" ">=TLSv1.2"
      fi
      # "start" runs the same checks as "postfix check" (about 2 s each): do not run them twice
      postfix -c "$base/$n" start >"$base/$n/start.log" 2>&1 &
    done
    wait
    for n in legacy modern; do
      grep -qiE "fatal|error" "$base/$n/start.log" 2>/dev/null && { log "postfix start $n:"; cat "$base/$n/start.log" >&2; }
    done
    # master needs a moment before smtpd answers
    for _ in $(seq 1 50); do
      all=1
      for n in legacy modern; do
        (exec 3<>"/dev/tcp/127.0.0.1/$(cat "$base/$n/port")") 2>/dev/null || all=0
      done
      [ $all = 1 ] && break
      sleep 0.1
    done
    print_status
    ;;
  stop)
    for n in legacy modern; do
      [ -d "$base/$n" ] && running "$n" && postfix -c "$base/$n" stop >/dev/null 2>&1 || true
    done
    print_status || true
    ;;
  status) print_status ;;
  *) echo "usage: $0 start|stop|status [DIR]" >&2; exit 2 ;;
esac

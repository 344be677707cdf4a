#!/usr/bin/env python3
"""Writes the catalog's example inputs: raw regedit exports (UTF-16LE with BOM, CRLF, as regedit and
`reg export` write them; domain notes 6.3) and fact bundles for log, event and probe evidence (until the log
collector lands), plus knowledge/tls-deprecation/catalog-examples.yaml declaring them.
Run from the repository root: python3 tools/gen-catalog-examples.py"""
import os

ROOT = os.path.join(os.path.dirname(__file__), "..", "knowledge", "tls-deprecation")
RAW = os.path.join(ROOT, "examples", "raw")
CAT = os.path.join(ROOT, "examples", "catalog")
SCH = r"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL"
PROTO = SCH + r"\Protocols"
NETFX = r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\.NETFramework"
NETFX_WOW = r"HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Microsoft\.NETFramework"
WINHTTP = r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp"
WINHTTP_WOW = r"HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp"
GPO_CIPHERS = r"HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002"
LOCAL_CIPHERS = r"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Cryptography\Configuration\Local\SSL\00010002"
AUTHROOT = r"HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\SystemCertificates\AuthRoot"

WINDOWS = {"2008r2": ("Windows Server 2008 R2 Standard", 7601), "2012": ("Windows Server 2012 Standard", 9200),
           "2012r2": ("Windows Server 2012 R2 Standard", 9600), "2016": ("Windows Server 2016 Standard", 14393),
           "2019": ("Windows Server 2019 Standard", 17763), "2022": ("Windows Server 2022 Standard", 20348)}


def dword(n):
    return "dword:%08x" % n


def multi(lines, name):
    data = "".join(s + "\0" for s in lines) + "\0"
    hexes = ["%02x" % b for b in data.encode("utf-16-le")]
    out, line = [], '"%s"=hex(7):' % name
    for i, h in enumerate(hexes):
        piece = h + ("," if i < len(hexes) - 1 else "")
        if len(line) + len(piece) > 77:   # regedit wraps long hex data with a trailing backslash
            out.append(line + "\\")
            line = "  "
        line += piece
    out.append(line)
    return "\r\n".join(out)


def value_line(name, v):
    if isinstance(v, int):
        return '"%s"=%s' % (name, dword(v))
    if isinstance(v, list):
        return multi(v, name)
    return '"%s"="%s"' % (name, v.replace("\\", "\\\\").replace('"', '\\"'))


def write_reg(name, blocks):
    text = "Windows Registry Editor Version 5.00\r\n"
    for key, values in blocks:
        text += "\r\n[%s]\r\n" % key
        for n, v in values.items():
            text += value_line(n, v) + "\r\n"
    text += "\r\n"
    with open(os.path.join(RAW, name), "wb") as f:
        f.write(b"\xff\xfe" + text.encode("utf-16-le"))
    return "registry:examples/raw/" + name


def host_blocks(host, windows, exchange):
    product, build = WINDOWS[windows]
    blocks = [(r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion",
               {"CurrentBuild": str(build), "CurrentBuildNumber": str(build), "ProductName": product}),
              (r"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\ComputerName\ComputerName", {"ComputerName": host})]
    if exchange:
        parts = [int(p) for p in exchange.split(".")]
        setup = r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\ExchangeServer\%s\Setup" % ("v14" if parts[0] == 14 else "v15")
        blocks.append((setup, {"MsiBuildMajor": parts[2], "MsiBuildMinor": parts[3],
                               "MsiProductMajor": parts[0], "MsiProductMinor": parts[1]}))
    return blocks


def schannel(protocols):
    """protocols: {"TLS 1.2": {"Client": {...}, "Server": {...}}}; the whole SCHANNEL tree is exported."""
    blocks = [(SCH, {"EventLogging": 1}), (PROTO, {})]
    for p, roles in protocols.items():
        blocks.append((PROTO + "\\" + p, {}))
        for role, values in roles.items():
            blocks.append((PROTO + "\\" + p + "\\" + role, values))
    return blocks


ON = {"DisabledByDefault": 0, "Enabled": 1}
OFF = {"DisabledByDefault": 1, "Enabled": 0}
TLS12_ON = {"TLS 1.2": {"Client": ON, "Server": ON}}


def export(name, host, windows, exchange, *extra):
    blocks = host_blocks(host, windows, exchange)
    for e in extra:
        blocks += e
    return write_reg(name, blocks)


def netfx(v4=(1, 1), v4wow=(1, 1), v2=None, v2wow=None):
    out = []
    for base, fw, vals in ((NETFX, "v4.0.30319", v4), (NETFX_WOW, "v4.0.30319", v4wow),
                           (NETFX, "v2.0.50727", v2), (NETFX_WOW, "v2.0.50727", v2wow)):
        d = {}
        if vals is not None:
            if vals[0] is not None:
                d["SystemDefaultTlsVersions"] = vals[0]
            if vals[1] is not None:
                d["SchUseStrongCrypto"] = vals[1]
        out.append((base, {}))
        out.append((base + "\\" + fw, d))
    return out


def write_query(name, protocols):
    """`reg query "HKLM\\...\\SCHANNEL\\Protocols" /s` console output (domain notes 6.4): CRLF, 4-space columns."""
    lines, count = ["", PROTO], 0
    for p, roles in protocols.items():
        lines += ["", PROTO + "\\" + p]
        count += 1
        for role, values in roles.items():
            lines += ["", PROTO + "\\" + p + "\\" + role]
            count += 1
            for n, v in values.items():
                lines.append("    %s    REG_DWORD    0x%x" % (n, v))
                count += 1
    lines += ["", "End of search: %d match(es) found." % count, ""]
    with open(os.path.join(RAW, name), "wb") as f:
        f.write("\r\n".join(lines).encode("ascii"))
    return "registry:examples/raw/" + name


# ---------------------------------------------------------------- bundles (logs, events, probes)

def yq(s):
    return "'" + s.replace("'", "''") + "'"


def write_bundle(name, comment, host=None, registry=(), keys=(), symptoms=(), tls=(), events=(), probes=()):
    lines = ["# " + comment, "schemaVersion: 1"]
    if host:
        lines.append("host: {%s}" % ", ".join("%s: %s" % kv for kv in host.items()))
    if keys:
        lines.append("registryKeys:")
        for k in keys:
            lines.append("  - {key: %s, deleted: false, subtree: true, source: {source: server.reg, line: 3}}" % yq(k))
    if registry:
        lines.append("registry:")
        for i, (k, n, v) in enumerate(registry):
            lines.append('  - {key: %s, name: %s, type: REG_DWORD, data: "%d", source: {source: server.reg, line: %d}}'
                         % (yq(k), n, v, 10 + i))
    if symptoms:
        lines.append("symptoms:")
        for s in symptoms:
            lines.append("  - {id: %s, text: %s, direction: %s, peerClass: %s, count: %d, samples: [{source: %s, line: %d}]}"
                         % (s[0], yq(s[1]), s[2], s[3], s[4], s[5], s[6]))
    if tls:
        lines.append("tls:")
        for t in tls:
            lines.append("  - {direction: %s, peerClass: %s, connector: Internet, result: failed, error: %s, count: %d, "
                         "samples: [{source: %s, line: %d}]}" % t)
    if events:
        lines.append("events:")
        for e in events:
            data = ", ".join("%s: '%s'" % kv for kv in e[2].items())
            lines.append("  - {provider: %s, eventId: %d, level: Error, data: {%s}, count: %d, samples: [{source: system.xml, line: %d}]}"
                         % (e[0], e[1], data, e[3], e[4]))
    if probes:
        lines.append("probes:")
        for p in probes:
            lines.append("  - {target: %s, tlsVersion: %s, outcome: %s, detail: %s, starttlsOffered: %s, millis: 40, "
                         "source: {source: 'probe:%s'}}" % (yq(p[0]), yq(p[1]), p[2], yq(p[3]), p[4], p[0]))
    with open(os.path.join(CAT, name + ".yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")
    return "examples/catalog/" + name + ".yaml"


P = lambda proto, role: r"HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols" + "\\" + proto + "\\" + role
H2019 = {"windowsProduct": "Windows Server 2019 Standard", "windowsBuild": 17763, "exchangeVersion": '"2019"',
         "exchangeBuild": "15.2.1544.4", "hostName": "EX19"}
TLS12_BUNDLE = [(P("TLS 1.2", r), n, v) for r in ("Client", "Server") for n, v in (("DisabledByDefault", 0), ("Enabled", 1))]
SCH_KEY = [r"HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL"]


def examples():
    ex = []

    def add(name, description, inputs, expect=(), absent=()):
        ex.append((name, description, inputs, list(expect), list(absent)))

    WARN_UP = ["tls12-client-disabled", "tls12-server-disabled", "schannel-client-server-mismatch",
               "starttls-fallback-rejected", "exchange-build-lacks-tls12", "windows-prerequisite-missing",
               "dotnet-strong-crypto-missing", "tls-certificate-problem", "cipher-suite-mismatch", "exo-root-untrusted",
               "tls13-unsupported-enabled", "smtp-auth-legacy-tls", "peer-legacy-tls-only", "starttls-not-offered",
               "legacy-peers-after-disable"]

    # -- healthy: nothing at warning or above ------------------------------------------------------------
    add("healthy-2019-full-export", "Healthy Server 2019 / Exchange 2019 CU14: TLS 1.2 on, .NET values 1 everywhere",
        [export("cat-healthy-2019.reg", "EX19", "2019", "15.2.1544.4", schannel(TLS12_ON),
                netfx(v2=(1, 1), v2wow=(1, 1)))], absent=WARN_UP)

    # -- reg query output (not an export) -----------------------------------------------------------------
    add("tls12-server-disabled-reg-query", "reg query ... /s output: TLS 1.2 Server Enabled=0 on Server 2022 / Exchange SE",
        [write_query("cat-query-tls12-server-off.txt", {"TLS 1.2": {"Client": ON, "Server": {"DisabledByDefault": 0, "Enabled": 0}},
                                                        "TLS 1.3": {"Client": OFF, "Server": OFF}}),
         export("cat-query-host.reg", "EXSE", "2022", "15.2.2562.17")],
        ["tls12-server-disabled", "schannel-client-server-mismatch"], ["tls12-client-disabled", "tls13-unsupported-enabled"])

    # -- schannel-client-server-mismatch ------------------------------------------------------------------
    add("mismatch-tls11-client-off-2016", "TLS 1.1 Client disabled, Server left at the Windows default (on)",
        [export("cat-mismatch-tls11.reg", "EX16", "2016", "15.1.2507.6",
                schannel({"TLS 1.1": {"Client": OFF}, "TLS 1.2": {"Client": ON, "Server": ON}}))],
        ["schannel-client-server-mismatch"], ["tls12-client-disabled", "tls12-server-disabled"])
    add("half-disabled-tls10-2019", "TLS 1.0 Enabled=0 with DisabledByDefault=0 on both roles (HealthChecker: half disabled)",
        [export("cat-half-disabled-tls10.reg", "EX19", "2019", "15.2.1544.4",
                schannel({"TLS 1.0": {"Client": {"DisabledByDefault": 0, "Enabled": 0},
                                      "Server": {"DisabledByDefault": 0, "Enabled": 0}},
                          "TLS 1.2": {"Client": ON, "Server": ON}}))],
        ["schannel-client-server-mismatch"], ["tls12-client-disabled"])
    add("near-miss-mismatch-ffffffff", "Near miss: Client Enabled=0xffffffff, Server Enabled=1 (same effective state); "
        "TLS 1.0 disabled the documented way on both roles",
        [export("cat-nearmiss-ffffffff.reg", "EX16", "2016", "15.1.2507.6",
                schannel({"TLS 1.0": {"Client": OFF, "Server": OFF},
                          "TLS 1.2": {"Client": {"DisabledByDefault": 0, "Enabled": 0xffffffff}, "Server": ON}}))],
        absent=["schannel-client-server-mismatch", "tls12-client-disabled", "tls12-server-disabled"])

    # -- exchange-build-lacks-tls12 ------------------------------------------------------------------------
    add("exchange2013-cu8", "Exchange 2013 CU8 (15.0.1076.9): below CU19, no TLS 1.2 on SMTP although SChannel allows it",
        [export("cat-ex2013-cu8.reg", "EX13", "2012r2", "15.0.1076.9", schannel(TLS12_ON))],
        ["exchange-build-lacks-tls12"], ["tls12-client-disabled"])
    add("exchange2016-below-cu8", "An Exchange 2016 build below CU8 (15.1.1415.2)",
        [export("cat-ex2016-old.reg", "EX16", "2012r2", "15.1.1000.0", schannel(TLS12_ON))],
        ["exchange-build-lacks-tls12"])
    add("near-miss-exchange2016-cu8", "Near miss: Exchange 2016 exactly CU8 (15.1.1415.2), the first TLS 1.2 build",
        [export("cat-ex2016-cu8.reg", "EX16", "2016", "15.1.1415.2", schannel(TLS12_ON))],
        absent=["exchange-build-lacks-tls12"])
    add("near-miss-exchange2010-undecided", "Near miss: Exchange 2010 - no build baseline, so no verdict (asks for the rollup)",
        [export("cat-ex2010.reg", "EX10", "2008r2", "14.3.123.4", schannel(TLS12_ON))],
        absent=["exchange-build-lacks-tls12", "tls12-client-disabled", "tls12-server-disabled"])

    # -- windows-prerequisite-missing ----------------------------------------------------------------------
    add("winhttp-absent-2008r2", "Server 2008 R2: TLS 1.2 enabled in SChannel but WinHTTP DefaultSecureProtocols absent",
        [export("cat-winhttp-2008r2.reg", "EX10", "2008r2", "14.3.123.4", schannel(TLS12_ON),
                [(WINHTTP, {}), (WINHTTP_WOW, {})])],
        ["windows-prerequisite-missing"], ["tls12-client-disabled"])
    add("winhttp-tls10-only-2012", "Server 2012: DefaultSecureProtocols = 0x80 (TLS 1.0 only) in the native view",
        [export("cat-winhttp-2012.reg", "EX13", "2012", "15.0.1497.2", schannel(TLS12_ON),
                [(WINHTTP, {"DefaultSecureProtocols": 0x80}), (WINHTTP_WOW, {"DefaultSecureProtocols": 0xA00})])],
        ["windows-prerequisite-missing"])
    add("near-miss-winhttp-2012r2", "Near miss: Server 2012 R2 (no WinHTTP setting needed) and a 2012-style 0xA80 value",
        [export("cat-winhttp-2012r2.reg", "EX13", "2012r2", "15.0.1497.2", schannel(TLS12_ON),
                [(WINHTTP, {"DefaultSecureProtocols": 0xA80})])],
        absent=["windows-prerequisite-missing"])

    # -- dotnet-strong-crypto-missing ----------------------------------------------------------------------
    add("dotnet-strongcrypto-absent", ".NET v4 native SchUseStrongCrypto absent (SystemDefaultTlsVersions = 1)",
        [export("cat-dotnet-absent.reg", "EX16", "2016", "15.1.2507.6", schannel(TLS12_ON), netfx(v4=(1, None)))],
        ["dotnet-strong-crypto-missing"], ["tls12-client-disabled"])
    add("dotnet-wow-zero", ".NET v4 Wow6432Node SchUseStrongCrypto = 0",
        [export("cat-dotnet-wow.reg", "EX19", "2019", "15.2.1544.4", schannel(TLS12_ON), netfx(v4wow=(1, 0)))],
        ["dotnet-strong-crypto-missing"])
    add("near-miss-dotnet-v2-absent", "Near miss: v4 values 1 in both views; only the v2.0.50727 values are absent",
        [export("cat-dotnet-v2.reg", "EX19", "2019", "15.2.1544.4", schannel(TLS12_ON), netfx())],
        absent=["dotnet-strong-crypto-missing"])

    # -- cipher-suite-mismatch -----------------------------------------------------------------------------
    add("ciphers-gpo-ecdsa-only", "GPO cipher list names only ECDSA suites; the local list (with EXO suites) is overruled",
        [export("cat-ciphers-gpo.reg", "EX16", "2016", "15.1.2507.6", schannel(TLS12_ON),
                [(GPO_CIPHERS, {"Functions": "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"}),
                 (LOCAL_CIPHERS, {"Functions": ["TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]})])],
        ["cipher-suite-mismatch"], ["tls12-client-disabled"])
    add("ciphers-local-no-exo", "Local cipher list (REG_MULTI_SZ) without any Exchange Online suite",
        [export("cat-ciphers-local.reg", "EX19", "2019", "15.2.1544.4", schannel(TLS12_ON),
                [(LOCAL_CIPHERS, {"Functions": ["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"]})])],
        ["cipher-suite-mismatch"])
    add("near-miss-ciphers-2012r2-suffix", "Near miss: a 2012 R2-style GPO list with _P384/_P256 names that EXO accepts",
        [export("cat-ciphers-suffix.reg", "EX13", "2012r2", "15.0.1497.2", schannel(TLS12_ON),
                [(GPO_CIPHERS, {"Functions": "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P256"})])],
        absent=["cipher-suite-mismatch"])

    # -- exo-root-untrusted --------------------------------------------------------------------------------
    add("root-autoupdate-disabled", "Group Policy turns root auto-update off (DisableRootAutoUpdate = 1)",
        [export("cat-authroot-off.reg", "EX19", "2019", "15.2.1544.4", schannel(TLS12_ON),
                [(AUTHROOT, {"DisableRootAutoUpdate": 1})])], ["exo-root-untrusted"])
    add("root-untrusted-36882", "Schannel event 36882: server certificate issued by an untrusted authority",
        [write_bundle("root-untrusted-36882", "System log export with Schannel 36882 (domain notes 3, D10; [S23]).",
                      host=H2019, events=[("Schannel", 36882, {}, 4, 12)])], ["exo-root-untrusted"])
    add("near-miss-root-autoupdate-on", "Near miss: DisableRootAutoUpdate = 0",
        [export("cat-authroot-on.reg", "EX19", "2019", "15.2.1544.4", schannel(TLS12_ON),
                [(AUTHROOT, {"DisableRootAutoUpdate": 0})])], absent=["exo-root-untrusted"])

    # -- tls13-unsupported-enabled -------------------------------------------------------------------------
    add("tls13-default-2022-cu14", "Server 2022 (TLS 1.3 on by default) with Exchange 2019 CU14",
        [export("cat-tls13-2022.reg", "EX19", "2022", "15.2.1544.4", schannel(TLS12_ON))],
        ["tls13-unsupported-enabled"], ["tls12-client-disabled"])
    add("tls13-keys-2019", "Server 2019 with TLS 1.3 keys set to Enabled=1 (the OS does not support it)",
        [export("cat-tls13-2019.reg", "EX19", "2019", "15.2.1748.10",
                schannel({"TLS 1.2": {"Client": ON, "Server": ON}, "TLS 1.3": {"Client": ON, "Server": ON}}))],
        ["tls13-unsupported-enabled"])
    add("near-miss-tls13-se-2022", "Near miss: Server 2022 with Exchange SE RTM (15.2.2562.17) supports TLS 1.3",
        [export("cat-tls13-se.reg", "EXSE", "2022", "15.2.2562.17", schannel(TLS12_ON))],
        absent=["tls13-unsupported-enabled"])

    # -- legacy-tls-enabled (info) -------------------------------------------------------------------------
    add("legacy-tls-explicit-2016", "TLS 1.0 explicitly enabled for both roles",
        [export("cat-legacy-explicit.reg", "EX16", "2016", "15.1.2507.6",
                schannel({"TLS 1.0": {"Client": ON, "Server": ON}, "TLS 1.2": {"Client": ON, "Server": ON}}))],
        ["legacy-tls-enabled"])
    add("legacy-tls-default-2012r2", "Server 2012 R2 without TLS 1.0/1.1 keys: on by default",
        [export("cat-legacy-default.reg", "EX13", "2012r2", "15.0.1497.2", schannel(TLS12_ON))],
        ["legacy-tls-enabled"])
    add("near-miss-legacy-disabled", "Near miss: TLS 1.0 and 1.1 disabled the documented way, no Schannel events",
        [export("cat-legacy-off.reg", "EX19", "2019", "15.2.1544.4",
                schannel({"TLS 1.0": {"Client": OFF, "Server": OFF}, "TLS 1.1": {"Client": OFF, "Server": OFF},
                          "TLS 1.2": {"Client": ON, "Server": ON}}), netfx(v2=(1, 1), v2wow=(1, 1)))],
        absent=["legacy-tls-enabled", "legacy-peers-after-disable", "schannel-client-server-mismatch"])

    # -- legacy-peers-after-disable ------------------------------------------------------------------------
    legacy_off = [(P(p, r), n, v) for p in ("TLS 1.0", "TLS 1.1") for r in ("Client", "Server")
                  for n, v in (("DisabledByDefault", 1), ("Enabled", 0))] + TLS12_BUNDLE
    add("legacy-peers-36871", "TLS 1.0/1.1 disabled; Schannel 36871 with internal error state 10013",
        [write_bundle("legacy-peers-36871", "TLS 1.0/1.1 disabled, then Schannel 36871 / 10013 (D14; [S23] [S27]).",
                      host=H2019, keys=SCH_KEY, registry=legacy_off,
                      events=[("Schannel", 36871, {"ErrorState": "10013"}, 17, 40)])],
        ["legacy-peers-after-disable"], ["legacy-tls-enabled"])
    add("legacy-peers-36888-alert70", "TLS 1.0/1.1 disabled; Schannel 36888 alert 70 state 105 (old peer offers TLS 1.0)",
        [write_bundle("legacy-peers-36888", "TLS 1.0/1.1 disabled, then Schannel 36888 AlertDesc 70 ErrorState 105 ([S25]).",
                      host=H2019, keys=SCH_KEY, registry=legacy_off,
                      events=[("Schannel", 36888, {"AlertDesc": "70", "ErrorState": "105"}, 9, 52)])],
        ["legacy-peers-after-disable"])
    add("near-miss-36888-legacy-on", "Near miss: Schannel 36888 alert 70 but TLS 1.0/1.1 were never disabled",
        [write_bundle("nearmiss-36888-legacy-on", "36888 alert 70 while TLS 1.0/1.1 are still on: not caused by disabling them.",
                      host=H2019, keys=SCH_KEY, registry=TLS12_BUNDLE,
                      events=[("Schannel", 36888, {"AlertDesc": "70", "ErrorState": "105"}, 2, 8)])],
        absent=["legacy-peers-after-disable"])

    # -- tls-certificate-problem ---------------------------------------------------------------------------
    add("cert-unknowncredentials", "Send log: TLS negotiation failed with error UnknownCredentials; SChannel healthy",
        [write_bundle("cert-unknowncredentials", "KB4051498 case: the certificate in TlsCertificateName is not usable ([S32]).",
                      host=H2019, keys=SCH_KEY, registry=TLS12_BUNDLE,
                      symptoms=[("tls-failed-unknowncredentials", "TLS negotiation failed with error UnknownCredentials",
                                 "outbound", "exchange-online", 6, "SEND20250301-1.LOG", 112)],
                      tls=[("outbound", "exchange-online", "UnknownCredentials", 6, "SEND20250301-1.LOG", 112)])],
        ["tls-certificate-problem"], ["tls12-client-disabled", "tls12-server-disabled", "cipher-suite-mismatch"])
    add("cert-12014-exo-450", "Event 12014 (no certificate for the connector FQDN) and EXO 450 4.7.320",
        [write_bundle("cert-12014", "Event 12014 plus the Exchange Online NDR text 450 4.7.320 ([S46] [S10]).",
                      host=H2019, events=[("MSExchangeFrontEndTransport", 12014, {}, 3, 77)],
                      symptoms=[("exo-certificate-validation-450", "450 4.7.320 Certificate validation failed",
                                 "inbound", "exchange-online", 2, "ndr.txt", 5)])],
        ["tls-certificate-problem"], ["tls12-server-disabled", "tls12-client-disabled"])
    add("cert-nocredentials-logs-only", "Logs only (no registry): NoCredentials must not be blamed on TLS versions",
        [write_bundle("cert-nocredentials-logs-only", "Only a send log with NoCredentials ([S33]); no registry export.",
                      symptoms=[("tls-failed-nocredentials", "TLS negotiation failed with error NoCredentials",
                                 "outbound", "exchange-online", 4, "SEND20250301-1.LOG", 45)],
                      tls=[("outbound", "exchange-online", "NoCredentials", 4, "SEND20250301-1.LOG", 45)])],
        ["tls-certificate-problem"], ["tls12-client-disabled", "tls12-server-disabled", "exchange-build-lacks-tls12",
                                      "schannel-client-server-mismatch", "starttls-fallback-rejected"])
    add("near-miss-cert-socketerror", "Near miss: TLS failed with SocketError (a version problem, not a certificate one)",
        [write_bundle("nearmiss-cert-socketerror", "SocketError is the classic TLS version failure ([S1]).",
                      symptoms=[("tls-failed-socketerror", "TLS negotiation failed with error SocketError",
                                 "outbound", "exchange-online", 5, "SEND20250301-1.LOG", 61)],
                      tls=[("outbound", "exchange-online", "SocketError", 5, "SEND20250301-1.LOG", 61)])],
        absent=["tls-certificate-problem"])

    # -- starttls-fallback-rejected (more cases) -----------------------------------------------------------
    add("starttls-fallback-certificate", "451 5.7.3 after a certificate failure: the root cause is the certificate",
        [write_bundle("starttls-fallback-certificate", "Fallback refused after UnknownCredentials ([S32] [S34]).",
                      host=H2019, keys=SCH_KEY, registry=TLS12_BUNDLE,
                      symptoms=[("starttls-required-451", "451 5.7.3 Must issue a STARTTLS command first",
                                 "outbound", "exchange-online", 2, "SEND20250301-1.LOG", 130),
                                ("tls-failed-unknowncredentials", "TLS negotiation failed with error UnknownCredentials",
                                 "outbound", "exchange-online", 2, "SEND20250301-1.LOG", 120)])],
        ["starttls-fallback-rejected", "tls-certificate-problem"], ["tls12-client-disabled"])
    add("starttls-required-exchange", "On-premises receive connector requires TLS: 451 5.7.3 STARTTLS is required to send mail",
        [write_bundle("starttls-required-exchange", "EXO queue detail 450 4.4.317 [Message=451 5.7.3 STARTTLS is required to send mail] ([S37]).",
                      symptoms=[("starttls-required-exchange-451", "451 5.7.3 STARTTLS is required to send mail",
                                 "inbound", "exchange-online", 3, "exo-queue.txt", 2)])],
        ["starttls-fallback-rejected"], ["tls12-server-disabled"])

    # -- smtp-auth-legacy-tls ------------------------------------------------------------------------------
    add("smtp-auth-421-app-log", "A scanner's log shows 421 4.7.66 from smtp.office365.com",
        [write_bundle("smtp-auth-421-app", "Device log with the SMTP AUTH legacy TLS rejection ([S7] [S8]).",
                      symptoms=[("smtp-auth-legacy-tls-421", "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please "
                                 "upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls",
                                 "outbound", "exchange-online", 14, "scanner.log", 201)])],
        ["smtp-auth-legacy-tls"], ["tls12-client-disabled"])
    add("smtp-auth-421-with-server", "An application log shows 421 4.7.66 with the Exchange Online server suffix",
        [write_bundle("smtp-auth-421-server", "421 4.7.66 followed by [<server>.PROD.OUTLOOK.COM] ([S8]).",
                      symptoms=[("smtp-auth-legacy-tls-421", "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please "
                                 "upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls "
                                 "[AM0PR01CA0001.eurprd01.prod.exchangelabs.com]", "outbound", "exchange-online", 3,
                                 "app.log", 17)])],
        ["smtp-auth-legacy-tls"])
    add("near-miss-smtp-530", "Near miss: 530 5.7.0 Must issue a STARTTLS command first (an RFC 3207 server, not 4.7.66)",
        [write_bundle("nearmiss-smtp-530", "A third-party server wants STARTTLS first ([S43]); not the SMTP AUTH TLS rejection.",
                      symptoms=[("starttls-required-530", "530 5.7.0 Must issue a STARTTLS command first",
                                 "outbound", "other", 1, "app.log", 9)])],
        absent=["smtp-auth-legacy-tls"])

    # -- peer-legacy-tls-only ------------------------------------------------------------------------------
    add("peer-legacy-refuses-tls12", "Probe: TLS 1.0 and 1.1 complete, TLS 1.2 refused with protocol_version",
        [write_bundle("peer-legacy-refused", "Probe of an old relay (D13).",
                      probes=[("relay.example.net:25", "TLS 1.0", "ok", "", "true"),
                              ("relay.example.net:25", "TLS 1.1", "ok", "", "true"),
                              ("relay.example.net:25", "TLS 1.2", "refused", "Received fatal alert: protocol_version", "true")])],
        ["peer-legacy-tls-only"])
    add("peer-legacy-reset-tls12", "Probe: TLS 1.0 completes, TLS 1.2 reset during the handshake",
        [write_bundle("peer-legacy-reset", "Probe of an appliance whose TLS library lacks TLS 1.2 (D13).",
                      probes=[("appliance.example.net:25", "TLS 1.0", "ok", "", "true"),
                              ("appliance.example.net:25", "TLS 1.2", "reset", "Connection reset", "true")])],
        ["peer-legacy-tls-only"])
    add("near-miss-peer-tls12-disabled-locally", "Near miss: TLS 1.0 completes but TLS 1.2 was never offered (disabled locally)",
        [write_bundle("nearmiss-peer-local", "The probe itself could not offer TLS 1.2: no verdict on the peer.",
                      probes=[("relay.example.net:25", "TLS 1.0", "ok", "", "true"),
                              ("relay.example.net:25", "TLS 1.2", "disabled-locally", "No appropriate protocol", "true"),
                              ("modern.example.net:25", "TLS 1.0", "ok", "", "true"),
                              ("modern.example.net:25", "TLS 1.2", "ok", "", "true")])],
        absent=["peer-legacy-tls-only"])

    # -- starttls-not-offered ------------------------------------------------------------------------------
    add("starttls-not-offered-probe", "Probe: EHLO reply without STARTTLS",
        [write_bundle("starttls-not-offered-probe", "EHLO without STARTTLS (domain notes 7 item 3).",
                      probes=[("partner.example.org:25", "TLS 1.2", "not-offered", "EHLO lists no STARTTLS", "false")])],
        ["starttls-not-offered"])
    add("starttls-not-offered-log", "Send log: connector requires TLS and the remote does not support it",
        [write_bundle("starttls-not-offered-log", "Exchange send log line for RequireTLS without STARTTLS ([S30]).",
                      symptoms=[("remote-does-not-support-tls", "Connector is configured to send mail only over TLS "
                                 "connections and remote doesn't support TLS", "outbound", "other", 2,
                                 "SEND20250301-1.LOG", 300)])],
        ["starttls-not-offered"])
    add("near-miss-starttls-offered", "Near miss: EHLO lists STARTTLS and TLS 1.2 completes",
        [write_bundle("nearmiss-starttls-offered", "A healthy peer.",
                      probes=[("partner.example.org:25", "TLS 1.2", "ok", "", "true")])],
        absent=["starttls-not-offered", "peer-legacy-tls-only"])
    return ex


def main():
    os.makedirs(CAT, exist_ok=True)
    out = ["# The catalog's examples: raw regedit exports (examples/raw/cat-*.reg, UTF-16LE with BOM as regedit writes",
           "# them) and bundles for log, event and probe evidence (examples/catalog/). Generated by",
           "# tools/gen-catalog-examples.py; every finding has two positive examples and a near miss.",
           "knowledgeVersion: 1", "", "examples:"]
    for name, description, inputs, expect, absent in examples():
        out.append("  - name: " + name)
        out.append("    description: " + yq(description))
        out.append("    inputs: [" + ", ".join(inputs) + "]")
        if expect:
            out.append("    expect: [" + ", ".join(expect) + "]")
        if absent:
            out.append("    expectAbsent: [" + ", ".join(absent) + "]")
    with open(os.path.join(ROOT, "catalog-examples.yaml"), "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()

package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.rules.derive.CipherSuiteConfig;
import io.mailflowkb.rules.derive.DotNetTls;
import io.mailflowkb.rules.derive.ExchangeBaseline;
import io.mailflowkb.rules.derive.NonStandardValue;
import io.mailflowkb.rules.derive.UnexplainedFailure;
import io.mailflowkb.rules.derive.PeerTls;
import io.mailflowkb.rules.derive.ProtocolMismatch;
import io.mailflowkb.rules.derive.TlsSupport;
import io.mailflowkb.rules.derive.WinHttpSetting;
import java.util.List;

/**
 * The derived fact types (shipped DRL inserts them before any knowledge rule runs) as the knowledge vocabulary
 * exposes them. Kept apart from {@link FactVocabulary} so that file lists the collected facts.
 */
final class Derivations {

    private Derivations() {
    }

    static List<FactType<?>> types() {
        return List.of(
                FactType.of("ProtocolMismatch", ProtocolMismatch.class,
                        "a TLS version set differently for the SChannel Client and Server roles (derived)")
                        .text("protocol", ProtocolMismatch::protocol, "TLS 1.0 ... TLS 1.3")
                        .text("kind", ProtocolMismatch::kind,
                                "roles-differ (one role usable, the other not) or half-disabled (HealthChecker: Enabled=0 with DisabledByDefault=0, or enabled with DisabledByDefault non-zero)")
                        .text("role", ProtocolMismatch::role, "client, server or both"),
                FactType.of("ExchangeBaseline", ExchangeBaseline.class,
                        "what the Exchange build can do with TLS, from the documented build baselines (derived)")
                        .text("version", ExchangeBaseline::version, "2010, 2013, 2016, 2019, SE")
                        .version("build", ExchangeBaseline::build, "dotted build")
                        .choice("tls12", TlsSupport.class, ExchangeBaseline::tls12, "whether the build uses TLS 1.2 on SMTP")
                        .choice("tls13", TlsSupport.class, ExchangeBaseline::tls13, "whether the build can use TLS 1.3"),
                FactType.of("DotNetTls", DotNetTls.class,
                        ".NET Framework SystemDefaultTlsVersions / SchUseStrongCrypto in one of four locations (derived)")
                        .text("framework", DotNetTls::framework, "v4.0.30319 or v2.0.50727")
                        .text("view", DotNetTls::view, "native or wow6432node")
                        .number("systemDefaultTlsVersions", DotNetTls::systemDefaultTlsVersions, "value or absent")
                        .number("schUseStrongCrypto", DotNetTls::schUseStrongCrypto, "value or absent")
                        .flag("covered", DotNetTls::covered, "the inputs include the key")
                        .flag("ok", DotNetTls::ok, "both values equal 1"),
                FactType.of("CipherSuiteConfig", CipherSuiteConfig.class,
                        "the effective SChannel cipher suite list (GPO wins over local) against Exchange Online's (derived)")
                        .text("origin", CipherSuiteConfig::origin, "group-policy, local or windows-default")
                        .flag("configured", CipherSuiteConfig::configured, "a list is configured")
                        .number("suites", CipherSuiteConfig::suites, "suites in the list")
                        .number("exoShared", CipherSuiteConfig::exoShared, "of them accepted by Exchange Online"),
                FactType.of("WinHttpSetting", WinHttpSetting.class,
                        "WinHTTP DefaultSecureProtocols in one registry view (derived)")
                        .text("view", WinHttpSetting::view, "native or wow6432node")
                        .number("value", WinHttpSetting::value, "the DWORD, or absent")
                        .flag("covered", WinHttpSetting::covered, "the inputs include the key")
                        .flag("tls12", WinHttpSetting::tls12, "the value has the TLS 1.2 bit 0x800"),
                FactType.of("PeerTls", PeerTls.class,
                        "the TLS versions a probed peer completed, across probe connections (derived)")
                        .text("target", PeerTls::target, "host:port")
                        .flag("legacyOk", PeerTls::legacyOk, "a TLS 1.0/1.1 handshake completed")
                        .flag("modernOk", PeerTls::modernOk, "a TLS 1.2/1.3 handshake completed")
                        .flag("legacyOnly", PeerTls::legacyOnly,
                                "only TLS 1.0/1.1 completed and the peer refused TLS 1.2")
                        .flag("unreachable", PeerTls::unreachable,
                                "no usable answer on any version tried (timeout, reset, refused, no banner)"),
                FactType.of("NonStandardValue", NonStandardValue.class,
                        "one SChannel protocol value other than the documented 0/1, e.g. 0xffffffff (derived)")
                        .text("protocol", NonStandardValue::protocol, "TLS 1.0 ... TLS 1.3")
                        .text("role", NonStandardValue::role, "client or server")
                        .text("name", NonStandardValue::name, "Enabled or DisabledByDefault")
                        .number("number", NonStandardValue::number, "the value"),
                FactType.of("UnexplainedFailure", UnexplainedFailure.class,
                        "a failure in the inputs that no finding cites (derived after every other rule ran)")
                        .text("kind", UnexplainedFailure::kind, "symptom, tls, event or probe")
                        .text("what", UnexplainedFailure::what,
                                "the symptom id, TLS error, event id or probe outcome")
                        .choice("direction", FlowDirection.class, UnexplainedFailure::direction, "which way the failed mail went"));
    }
}

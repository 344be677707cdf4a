package io.mailflowkb.rules.knowledge;

import io.mailflowkb.rules.derive.CipherSuiteConfig;
import io.mailflowkb.rules.derive.DotNetTls;
import io.mailflowkb.rules.derive.ExchangeBaseline;
import io.mailflowkb.rules.derive.NonStandardValue;
import io.mailflowkb.rules.derive.UnexplainedFailure;
import io.mailflowkb.rules.derive.PeerTls;
import io.mailflowkb.rules.derive.ProtocolMismatch;
import io.mailflowkb.rules.derive.WinHttpSetting;

/**
 * The derived fact types (shipped DRL inserts them before any knowledge rule runs) as the knowledge vocabulary
 * exposes them. Kept apart from {@link FactVocabulary} so that file lists the collected facts.
 */
final class Derivations {

    private Derivations() {
    }

    static void register() {
        FactVocabulary.add(new FactType<>("ProtocolMismatch", ProtocolMismatch.class,
                "a TLS version set differently for the SChannel Client and Server roles (derived)")
                .field("protocol", FieldKind.TEXT, ProtocolMismatch::protocol, "TLS 1.0 ... TLS 1.3")
                .field("kind", FieldKind.TEXT, ProtocolMismatch::kind,
                        "roles-differ (one role usable, the other not) or half-disabled (HealthChecker: Enabled=0 with DisabledByDefault=0, or enabled with DisabledByDefault non-zero)")
                .field("role", FieldKind.TEXT, ProtocolMismatch::role, "client, server or both"));
        FactVocabulary.add(new FactType<>("ExchangeBaseline", ExchangeBaseline.class,
                "what the Exchange build can do with TLS, from the documented build baselines (derived)")
                .field("version", FieldKind.TEXT, ExchangeBaseline::version, "2010, 2013, 2016, 2019, SE")
                .field("build", FieldKind.VERSION, ExchangeBaseline::build, "dotted build")
                .field("tls12", FieldKind.TEXT, ExchangeBaseline::tls12, "supported, unsupported or unknown")
                .field("tls13", FieldKind.TEXT, ExchangeBaseline::tls13, "supported, unsupported or unknown"));
        FactVocabulary.add(new FactType<>("DotNetTls", DotNetTls.class,
                ".NET Framework SystemDefaultTlsVersions / SchUseStrongCrypto in one of four locations (derived)")
                .field("framework", FieldKind.TEXT, DotNetTls::framework, "v4.0.30319 or v2.0.50727")
                .field("view", FieldKind.TEXT, DotNetTls::view, "native or wow6432node")
                .field("systemDefaultTlsVersions", FieldKind.NUMBER, DotNetTls::systemDefaultTlsVersions, "value or absent")
                .field("schUseStrongCrypto", FieldKind.NUMBER, DotNetTls::schUseStrongCrypto, "value or absent")
                .field("covered", FieldKind.BOOLEAN, DotNetTls::covered, "the inputs include the key")
                .field("ok", FieldKind.BOOLEAN, DotNetTls::ok, "both values equal 1"));
        FactVocabulary.add(new FactType<>("CipherSuiteConfig", CipherSuiteConfig.class,
                "the effective SChannel cipher suite list (GPO wins over local) against Exchange Online's (derived)")
                .field("origin", FieldKind.TEXT, CipherSuiteConfig::origin, "group-policy, local or windows-default")
                .field("configured", FieldKind.BOOLEAN, CipherSuiteConfig::configured, "a list is configured")
                .field("suites", FieldKind.NUMBER, CipherSuiteConfig::suites, "suites in the list")
                .field("exoShared", FieldKind.NUMBER, CipherSuiteConfig::exoShared, "of them accepted by Exchange Online"));
        FactVocabulary.add(new FactType<>("WinHttpSetting", WinHttpSetting.class,
                "WinHTTP DefaultSecureProtocols in one registry view (derived)")
                .field("view", FieldKind.TEXT, WinHttpSetting::view, "native or wow6432node")
                .field("value", FieldKind.NUMBER, WinHttpSetting::value, "the DWORD, or absent")
                .field("covered", FieldKind.BOOLEAN, WinHttpSetting::covered, "the inputs include the key")
                .field("tls12", FieldKind.BOOLEAN, WinHttpSetting::tls12, "the value has the TLS 1.2 bit 0x800"));
        FactVocabulary.add(new FactType<>("PeerTls", PeerTls.class,
                "the TLS versions a probed peer completed, across probe connections (derived)")
                .field("target", FieldKind.TEXT, PeerTls::target, "host:port")
                .field("legacyOk", FieldKind.BOOLEAN, PeerTls::legacyOk, "a TLS 1.0/1.1 handshake completed")
                .field("modernOk", FieldKind.BOOLEAN, PeerTls::modernOk, "a TLS 1.2/1.3 handshake completed")
                .field("legacyOnly", FieldKind.BOOLEAN, PeerTls::legacyOnly,
                        "only TLS 1.0/1.1 completed and the peer refused TLS 1.2")
                .field("unreachable", FieldKind.BOOLEAN, PeerTls::unreachable,
                        "no usable answer on any version tried (timeout, reset, refused, no banner)"));
        FactVocabulary.add(new FactType<>("NonStandardValue", NonStandardValue.class,
                "one SChannel protocol value other than the documented 0/1, e.g. 0xffffffff (derived)")
                .field("protocol", FieldKind.TEXT, NonStandardValue::protocol, "TLS 1.0 ... TLS 1.3")
                .field("role", FieldKind.TEXT, NonStandardValue::role, "client or server")
                .field("name", FieldKind.TEXT, NonStandardValue::name, "Enabled or DisabledByDefault")
                .field("number", FieldKind.NUMBER, NonStandardValue::number, "the value"));
        FactVocabulary.add(new FactType<>("UnexplainedFailure", UnexplainedFailure.class,
                "a failure in the inputs that no finding cites (derived after every other rule ran)")
                .field("kind", FieldKind.TEXT, UnexplainedFailure::kind, "symptom, tls, event or probe")
                .field("what", FieldKind.TEXT, UnexplainedFailure::what,
                        "the symptom id, TLS error, event id or probe outcome")
                .field("direction", FieldKind.TEXT, UnexplainedFailure::direction, "outbound, inbound or unknown"));
    }
}

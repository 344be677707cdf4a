package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.fact.EventRecord;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.ProbeCertificate;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.rules.derive.ProtocolState;
import io.mailflowkb.rules.derive.WindowsRelease;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The closed vocabulary of knowledge files: every fact type and field a condition may name. A name not listed
 * here is a validation error, so a knowledge file can never reach anything else in the engine.
 */
public final class FactVocabulary {

    private static final Map<String, FactType<?>> TYPES = new LinkedHashMap<>();

    static {
        add(new FactType<>("ProtocolState", ProtocolState.class,
                "effective SChannel state of one TLS version and role (derived from registry and Windows defaults)")
                .field("protocol", FieldKind.TEXT, ProtocolState::protocol, "TLS 1.0 ... TLS 1.3")
                .field("role", FieldKind.TEXT, ProtocolState::role, "client or server")
                .field("state", FieldKind.TEXT, ProtocolState::state,
                        "enabled, disabled, disabled-by-default or unknown")
                .field("basis", FieldKind.TEXT, ProtocolState::basis, "registry, os-default or unknown")
                .field("usable", FieldKind.BOOLEAN, ProtocolState::usable, "whether it can be negotiated")
                .field("nonStandard", FieldKind.BOOLEAN, ProtocolState::nonStandard,
                        "a value other than the documented 0/1 is present")
                .field("windows", FieldKind.TEXT, ProtocolState::windows, "the Windows release, when known")
                .field("covered", FieldKind.BOOLEAN, ProtocolState::covered,
                        "the inputs cover the key (false: a partial export left this version out)"));
        Derivations.register();
        add(new FactType<>("HostProfile", HostProfile.class, "the diagnosed server")
                .field("windowsProduct", FieldKind.TEXT, HostProfile::windowsProduct, "ProductName")
                .field("windowsBuild", FieldKind.NUMBER, h -> h.windowsBuild() == null ? null : h.windowsBuild().longValue(),
                        "CurrentBuildNumber")
                .field("windowsRelease", FieldKind.TEXT, h -> {
                    WindowsRelease r = WindowsRelease.identify(h.windowsBuild(), h.windowsProduct());
                    return r == null ? null : r.displayName();
                }, "Windows Server release name derived from product and build")
                .field("exchangeVersion", FieldKind.TEXT, HostProfile::exchangeVersion, "2010, 2013, 2016, 2019, SE")
                .field("exchangeBuild", FieldKind.VERSION, HostProfile::exchangeBuild, "e.g. 15.1.2507.6")
                .field("dotNetRelease", FieldKind.NUMBER, h -> h.dotNetRelease() == null ? null : h.dotNetRelease().longValue(),
                        ".NET Framework 4.x Release DWORD")
                .field("known", FieldKind.BOOLEAN, HostProfile::isKnown, "whether anything is known about the host"));
        add(new FactType<>("RegistryValue", RegistryValue.class, "a registry value from an export")
                .field("key", FieldKind.TEXT, RegistryValue::key, "full key path, HKLM\\...")
                .field("name", FieldKind.TEXT, RegistryValue::name, "value name")
                .field("type", FieldKind.TEXT, RegistryValue::type, "REG_DWORD, REG_SZ, ...")
                .field("data", FieldKind.TEXT, RegistryValue::data, "the data as text")
                .field("number", FieldKind.NUMBER, RegistryValue::number, "DWORD/QWORD value"));
        add(new FactType<>("RegistryKey", RegistryKey.class, "a registry key present in an export")
                .field("key", FieldKind.TEXT, RegistryKey::key, "full key path")
                .field("deleted", FieldKind.BOOLEAN, RegistryKey::deleted, "the export deletes it"));
        add(new FactType<>("Symptom", Symptom.class, "a symptom string seen in logs, queues, NDRs or events")
                .field("id", FieldKind.TEXT, Symptom::id, "symptom id from the knowledge")
                .field("text", FieldKind.TEXT, Symptom::text, "a sample of the matched text")
                .field("direction", FieldKind.TEXT, Symptom::direction, "outbound, inbound or unknown")
                .field("peerClass", FieldKind.TEXT, Symptom::peerClass, "exchange-online, other or unknown")
                .field("connector", FieldKind.TEXT, Symptom::connector, "connector id")
                .field("count", FieldKind.NUMBER, Symptom::count, "times seen"));
        add(new FactType<>("TlsOutcome", TlsOutcome.class, "TLS negotiations seen in SMTP protocol logs")
                .field("direction", FieldKind.TEXT, TlsOutcome::direction, "outbound or inbound")
                .field("peerClass", FieldKind.TEXT, TlsOutcome::peerClass, "exchange-online, other or unknown")
                .field("connector", FieldKind.TEXT, TlsOutcome::connector, "connector id")
                .field("protocol", FieldKind.TEXT, TlsOutcome::protocol, "negotiated protocol on success")
                .field("result", FieldKind.TEXT, TlsOutcome::result, "succeeded or failed")
                .field("error", FieldKind.TEXT, TlsOutcome::error, "failure reason, e.g. SocketError")
                .field("count", FieldKind.NUMBER, TlsOutcome::count, "sessions"));
        add(new FactType<>("EventRecord", EventRecord.class, "Windows events (aggregated)")
                .field("provider", FieldKind.TEXT, EventRecord::provider, "event provider, e.g. Schannel")
                .field("eventId", FieldKind.NUMBER, e -> (long) e.eventId(), "event id")
                .field("alert", FieldKind.TEXT, e -> e.datum("AlertDesc"), "TLS alert code (36887/36888)")
                .field("errorState", FieldKind.TEXT, e -> e.datum("ErrorState"), "SChannel internal error state")
                .field("message", FieldKind.TEXT, EventRecord::message, "rendered message")
                .field("count", FieldKind.NUMBER, EventRecord::count, "occurrences"));
        add(new FactType<>("ProbeResult", ProbeResult.class, "one live STARTTLS probe connection")
                .field("target", FieldKind.TEXT, ProbeResult::target, "host:port")
                .field("tlsVersion", FieldKind.TEXT, ProbeResult::tlsVersion, "TLS 1.0 ... TLS 1.3")
                .field("outcome", FieldKind.TEXT, ProbeResult::outcome, "ok, refused, reset, not-offered, ...")
                .field("detail", FieldKind.TEXT, ProbeResult::detail, "exact reason")
                .field("starttlsOffered", FieldKind.BOOLEAN, ProbeResult::starttlsOffered, "EHLO lists STARTTLS"));
        add(new FactType<>("ProbeCertificate", ProbeCertificate.class, "certificate of a probed peer")
                .field("target", FieldKind.TEXT, ProbeCertificate::target, "host:port")
                .field("trusted", FieldKind.BOOLEAN, ProbeCertificate::trusted, "validates against JDK trust store")
                .field("expired", FieldKind.BOOLEAN, ProbeCertificate::expired, "outside validity")
                .field("nameMatches", FieldKind.BOOLEAN, ProbeCertificate::nameMatches, "host matches subject/SAN"));
        ConnectorVocabulary.register();
    }

    private FactVocabulary() {
    }

    static void add(FactType<?> type) {
        TYPES.put(type.name(), type);
    }

    public static FactType<?> type(String name) {
        return TYPES.get(name);
    }

    public static Map<String, FactType<?>> types() {
        return java.util.Collections.unmodifiableMap(TYPES);
    }
}

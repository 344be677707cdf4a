package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.fact.EventRecord;
import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.ProbeCertificate;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.fact.TlsResult;
import io.mailflowkb.rules.derive.ProtocolState;
import io.mailflowkb.rules.derive.WindowsRelease;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The closed vocabulary of knowledge files: every fact type and field a condition may name. A name not listed
 * here is a validation error, so a knowledge file can never reach anything else in the engine.
 */
public final class FactVocabulary {

    /** The derivation every SChannel finding tests, listed first. */
    private static final FactType<ProtocolState> PROTOCOL_STATE = FactType.of("ProtocolState", ProtocolState.class,
            "effective SChannel state of one TLS version and role (derived from registry and Windows defaults)")
            .text("protocol", ProtocolState::protocol, "TLS 1.0 ... TLS 1.3")
            .text("role", ProtocolState::role, "client or server")
            .choice("state", ProtocolState.State.class, ProtocolState::state, "what Windows does with it")
            .choice("basis", ProtocolState.Basis.class, ProtocolState::basis, "what decided the state")
            .flag("usable", ProtocolState::usable, "whether it can be negotiated")
            .flag("nonStandard", ProtocolState::nonStandard,
                    "a value other than the documented 0/1 is present")
            .text("windows", ProtocolState::windows, "the Windows release, when known")
            .flag("covered", ProtocolState::covered,
                    "the inputs cover the key (false: a partial export left this version out)");

    /** The collected facts other than connectors (those are in {@link ConnectorVocabulary}). */
    private static List<FactType<?>> collected() {
        return List.of(
                FactType.of("HostProfile", HostProfile.class, "the diagnosed server")
                        .text("windowsProduct", HostProfile::windowsProduct, "ProductName")
                        .number("windowsBuild", HostProfile::windowsBuild, "CurrentBuildNumber")
                        .text("windowsRelease", h -> {
                            WindowsRelease r = WindowsRelease.identify(h.windowsBuild(), h.windowsProduct());
                            return r == null ? null : r.displayName();
                        }, "Windows Server release name derived from product and build")
                        .text("exchangeVersion", HostProfile::exchangeVersion, "2010, 2013, 2016, 2019, SE")
                        .version("exchangeBuild", HostProfile::exchangeBuild, "e.g. 15.1.2507.6")
                        .number("dotNetRelease", HostProfile::dotNetRelease, ".NET Framework 4.x Release DWORD")
                        .flag("known", HostProfile::isKnown, "whether anything is known about the host"),
                FactType.of("RegistryValue", RegistryValue.class, "a registry value from an export")
                        .text("key", RegistryValue::key, "full key path, HKLM\\...")
                        .text("name", RegistryValue::name, "value name")
                        .text("type", RegistryValue::type, "REG_DWORD, REG_SZ, ...")
                        .text("data", RegistryValue::data, "the data as text")
                        .number("number", RegistryValue::number, "DWORD/QWORD value"),
                FactType.of("RegistryKey", RegistryKey.class, "a registry key present in an export")
                        .text("key", RegistryKey::key, "full key path")
                        .flag("deleted", RegistryKey::deleted, "the export deletes it"),
                FactType.of("Symptom", Symptom.class, "a symptom string seen in logs, queues, NDRs or events")
                        .text("id", Symptom::id, "symptom id from the knowledge")
                        .text("text", Symptom::text, "a sample of the matched text")
                        .choice("direction", FlowDirection.class, Symptom::direction, "which way the mail went")
                        .choice("peerClass", PeerClass.class, Symptom::peerClass, "who the peer was")
                        .text("connector", Symptom::connector, "connector id")
                        .number("count", Symptom::count, "times seen"),
                FactType.of("TlsOutcome", TlsOutcome.class, "TLS negotiations seen in SMTP protocol logs")
                        .choice("direction", FlowDirection.class, TlsOutcome::direction, "which way the mail went")
                        .choice("peerClass", PeerClass.class, TlsOutcome::peerClass, "who the peer was")
                        .text("connector", TlsOutcome::connector, "connector id")
                        .text("protocol", TlsOutcome::protocol, "negotiated protocol on success")
                        .choice("result", TlsResult.class, TlsOutcome::result, "how the negotiation ended")
                        .text("error", TlsOutcome::error, "failure reason, e.g. SocketError")
                        .number("count", TlsOutcome::count, "sessions"),
                FactType.of("EventRecord", EventRecord.class, "Windows events (aggregated)")
                        .text("provider", EventRecord::provider, "event provider, e.g. Schannel")
                        .number("eventId", EventRecord::eventId, "event id")
                        .text("alert", e -> e.datum("AlertDesc"), "TLS alert code (36887/36888)")
                        .text("errorState", e -> e.datum("ErrorState"), "SChannel internal error state")
                        .text("message", EventRecord::message, "rendered message")
                        .number("count", EventRecord::count, "occurrences"),
                FactType.of("ProbeResult", ProbeResult.class, "one live STARTTLS probe connection")
                        .text("target", ProbeResult::target, "host:port")
                        .text("tlsVersion", ProbeResult::tlsVersion, "TLS 1.0 ... TLS 1.3")
                        .text("outcome", ProbeResult::outcome, "ok, refused, reset, not-offered, ...")
                        .text("detail", ProbeResult::detail, "exact reason")
                        .flag("starttlsOffered", ProbeResult::starttlsOffered, "EHLO lists STARTTLS"),
                FactType.of("ProbeCertificate", ProbeCertificate.class, "certificate of a probed peer")
                        .text("target", ProbeCertificate::target, "host:port")
                        .flag("trusted", ProbeCertificate::trusted, "validates against JDK trust store")
                        .flag("expired", ProbeCertificate::expired, "outside validity")
                        .flag("nameMatches", ProbeCertificate::nameMatches, "host matches subject/SAN"));
    }

    /** Every type, in the order the format documentation lists them. */
    private static final Map<String, FactType<?>> TYPES = new LinkedHashMap<>();

    static {
        List<List<FactType<?>>> groups = List.of(List.of(PROTOCOL_STATE), Derivations.types(), collected(),
                ConnectorVocabulary.types());
        groups.forEach(g -> g.forEach(t -> TYPES.put(t.name(), t)));
    }

    private FactVocabulary() {
    }

    public static FactType<?> type(String name) {
        return TYPES.get(name);
    }

    public static Map<String, FactType<?>> types() {
        return Collections.unmodifiableMap(TYPES);
    }
}

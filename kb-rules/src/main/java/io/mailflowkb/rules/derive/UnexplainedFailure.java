package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.EventRecord;
import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import java.util.List;

/**
 * A failure in the inputs that no finding cites (inserted by the shipped invariant rules after every knowledge
 * rule and correlation ran): a knowledge symptom marked {@code failure}, a failed TLS negotiation, a SChannel
 * error event or event 12014, or a probe that got no usable answer on any version. The knowledge turns it into
 * {@code unexplained-symptom}, so a diagnosis never says "no problem" over evidence of one.
 *
 * @param kind      {@code symptom}, {@code tls}, {@code event} or {@code probe}
 * @param what      the symptom id, TLS error, event id or probe outcome
 * @param direction which way the failed mail went, as the fact shows it
 * @param fact      the unexplained fact itself (its evidence is this fact's evidence)
 */
public record UnexplainedFailure(String kind, String what, FlowDirection direction, Fact fact) implements Derived {

    public static UnexplainedFailure of(Symptom s) {
        return new UnexplainedFailure("symptom", s.id(), s.direction(), s);
    }

    public static UnexplainedFailure of(TlsOutcome t) {
        return new UnexplainedFailure("tls", t.error() == null ? "failed" : t.error(), t.direction(), t);
    }

    public static UnexplainedFailure of(EventRecord e) {
        return new UnexplainedFailure("event", String.valueOf(e.eventId()), FlowDirection.UNKNOWN, e);
    }

    public static UnexplainedFailure of(ProbeResult p) {
        return new UnexplainedFailure("probe", p.outcome(), FlowDirection.OUTBOUND, p);
    }

    /**
     * Windows events that report a failure: every SChannel event except 36880 (a handshake that completed, logged
     * only at verbose levels) and Exchange's 12014 (no certificate for STARTTLS):
     * knowledge/tls-deprecation/symptoms.yaml.
     */
    public static boolean failureEvent(EventRecord e) {
        if ("Schannel".equalsIgnoreCase(e.provider())) {
            return e.eventId() != 36880;
        }
        return e.eventId() == 12014 && e.provider().startsWith("MSExchange");
    }

    @Override
    public Provenance source() {
        return fact.source();
    }

    @Override
    public String describe() {
        return "not explained by any finding: " + fact.describe();
    }

    @Override
    public List<RegistryValue> values() {
        return List.of();
    }
}

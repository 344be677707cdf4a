package io.mailflowkb.rules.engine;

import io.mailflowkb.model.fact.EventRecord;
import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.fact.ExchangeCertificate;
import io.mailflowkb.model.fact.ExoInboundConnector;
import io.mailflowkb.model.fact.ExoOutboundConnector;
import io.mailflowkb.model.fact.HybridConfiguration;
import io.mailflowkb.model.fact.ProbeCertificate;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.ReceiveConnector;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.SendConnector;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Evidence.Kind;
import io.mailflowkb.rules.derive.ConnectorCertificate;
import io.mailflowkb.rules.derive.ExoCertificateNameCheck;
import io.mailflowkb.rules.derive.Derived;
import io.mailflowkb.rules.derive.PeerTls;
import io.mailflowkb.rules.derive.ProtocolState;
import io.mailflowkb.rules.derive.UnexplainedFailure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * Turns the facts a rule matched into evidence lines: where each was seen, and what it says. An aggregated fact
 * (a symptom, TLS outcome or event seen many times) is one line: its first sample, how many times it was seen,
 * first and last time, and where else.
 */
final class EvidenceRenderer {

    /** Further sample places named on an aggregated line; the count says how many there were in all. */
    static final int MORE_PLACES = 3;

    private EvidenceRenderer() {
    }

    static List<Evidence> render(Object fact) {
        List<Evidence> out = new ArrayList<>();
        render(fact, out);
        return out;
    }

    /** {@link #render(Object)}, appending to {@code out}. */
    static void render(Object fact, List<Evidence> out) {
        if (fact instanceof UnexplainedFailure u) {
            render(u.fact(), out);
        } else if (fact instanceof ProtocolState s) {
            for (RegistryValue v : s.values()) {
                out.add(registry(v));
            }
            if (s.basis() != ProtocolState.Basis.REGISTRY || s.values().isEmpty()) {
                out.add(at(Kind.CONCLUSION, s.source(), null, s.describe()));
            }
        } else if (fact instanceof PeerTls p) {
            out.add(at(Kind.PROBE, p.source(), null, p.describe()));
            if (p.unreachable()) {
                // what was tried, each with its exact reason
                for (ProbeResult r : p.probes()) {
                    out.add(at(Kind.PROBE, r.source(), null, r.describe()));
                }
            }
        } else if (fact instanceof ConnectorCertificate c) {
            out.add(at(Kind.CONNECTOR, c.source(), c.connector(), c.describe()));
        } else if (fact instanceof ExoCertificateNameCheck c) {
            out.add(at(Kind.CONNECTOR, c.source(), c.connector(), c.describe()));
        } else if (fact instanceof Derived d) {
            // Derived facts: the registry values they came from, then what was concluded from them.
            for (RegistryValue v : d.values()) {
                out.add(registry(v));
            }
            out.add(at(Kind.CONCLUSION, d.source(), null, d.describe()));
        } else if (fact instanceof Symptom s) {
            // the sample's log line is the text; the fact in words only when a sample has none
            String text = s.samples().get(0).detail() != null ? null : s.withCount(1).describe();
            out.add(aggregated(s.samples(), text, s.count(), s.firstSeen(), s.lastSeen(), false));
        } else if (fact instanceof TlsOutcome t) {
            String text = t.samples().get(0).detail() != null ? null : t.withCount(1).describe();
            out.add(aggregated(t.samples(), text, t.count(), t.firstSeen(), t.lastSeen(), false));
        } else if (fact instanceof EventRecord e) {
            // an event sample's detail names the record, not the data that matters (alert, error state)
            out.add(aggregated(e.samples(), e.provider() + " event " + e.eventId()
                    + (e.data().isEmpty() ? "" : " " + e.data()), e.count(), e.firstSeen(), e.lastSeen(), true));
        } else if (fact instanceof RegistryValue v) {
            out.add(registry(v));
        } else if (fact instanceof RegistryKey k) {
            out.add(at(Kind.REGISTRY, k.source(), k.key(), k.describe()));
        } else if (fact instanceof Fact f) {
            out.add(at(kindOf(f), f.source(), objectOf(f), f.describe()));
        }
    }

    /**
     * The evidence with each text line cited once: a failed negotiation in a protocol log is both a TLS outcome and
     * the symptom its text matches, and both name the same file and line. The first keeps the place; registry
     * lines are not merged (one key line decides several protocol states, each its own fact).
     */
    static List<Evidence> citeEachLineOnce(Collection<Evidence> lines) {
        Set<String> cited = new HashSet<>();
        List<Evidence> out = new ArrayList<>();
        for (Evidence e : lines) {
            if (e.kind() != Kind.LINE || e.line() == null || cited.add(e.source())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Evidence at(Kind kind, Provenance p, String object, String fact) {
        return new Evidence(kind, p.source(), p.line(), object, fact);
    }

    private static Evidence registry(RegistryValue v) {
        return at(Kind.REGISTRY, v.source(), v.key() + "\\" + v.name(), v.describe());
    }

    private static Kind kindOf(Fact f) {
        if (f instanceof ProbeResult || f instanceof ProbeCertificate) {
            return Kind.PROBE;
        }
        return objectOf(f) != null || f instanceof HybridConfiguration ? Kind.CONNECTOR : Kind.LINE;
    }

    /** The Exchange object an export line or file holds: its Identity (a certificate's thumbprint). */
    private static String objectOf(Fact f) {
        if (f instanceof SendConnector c) {
            return c.name();
        } else if (f instanceof ReceiveConnector c) {
            return c.identity();
        } else if (f instanceof ExchangeCertificate c) {
            return c.thumbprint() != null ? c.thumbprint() : c.subject();
        } else if (f instanceof ExoInboundConnector c) {
            return c.name();
        } else if (f instanceof ExoOutboundConnector c) {
            return c.name();
        }
        return null;
    }

    /**
     * One line for an aggregated fact. A sample's own detail (the log line) says more than the aggregate, so it is
     * the text, unless {@code describeFirst} (events: the detail only names the record). Further places are named
     * by file and line, and by record where several records share a line (wevtutil writes all events on one).
     * {@code described} may be {@code null} where the sample's detail is the text.
     */
    private static Evidence aggregated(List<Provenance> samples, String described, long count, String first,
                                       String last, boolean describeFirst) {
        Provenance p = samples.get(0);
        String text = describeFirst ? described + (p.detail() == null ? "" : " (" + p.detail() + ")")
                : p.detail() != null ? p.detail() : described;
        StringBuilder b = new StringBuilder(text);
        List<String> more = new ArrayList<>();
        if (count > 1) {
            more.add(count + " times");
        }
        if (first != null) {
            more.add(last == null || last.equals(first) ? "at " + first : "first " + first + ", last " + last);
        }
        if (samples.size() > 1) {
            StringBuilder places = new StringBuilder("also ");
            for (int i = 1; i < Math.min(samples.size(), 1 + MORE_PLACES); i++) {
                places.append(i == 1 ? "" : ", ").append(place(samples.get(i)));
            }
            more.add(places.append(samples.size() > 1 + MORE_PLACES ? ", ..." : "").toString());
        }
        if (!more.isEmpty()) {
            b.append(" [").append(String.join("; ", more)).append(']');
        }
        return at(describeFirst ? Kind.EVENT : Kind.LINE, p, p.record(), b.toString());
    }

    private static String place(Provenance p) {
        return p.record() == null ? p.location() : p.location() + " record " + p.record();
    }
}

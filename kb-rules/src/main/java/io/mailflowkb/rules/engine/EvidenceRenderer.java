package io.mailflowkb.rules.engine;

import io.mailflowkb.model.fact.EventRecord;
import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.rules.derive.Derived;
import io.mailflowkb.rules.derive.PeerTls;
import io.mailflowkb.rules.derive.ProtocolState;
import io.mailflowkb.rules.derive.UnexplainedFailure;
import java.util.ArrayList;
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
        if (fact instanceof UnexplainedFailure u) {
            out.addAll(render(u.fact()));
        } else if (fact instanceof ProtocolState s) {
            for (RegistryValue v : s.values()) {
                out.add(new Evidence(v.source().location(), v.describe()));
            }
            if (!"registry".equals(s.basis()) || s.values().isEmpty()) {
                out.add(new Evidence(s.source().location(), s.describe()));
            }
        } else if (fact instanceof PeerTls p) {
            out.add(new Evidence(p.source().location(), p.describe()));
            if (p.unreachable()) {
                // what was tried, each with its exact reason
                p.probes().forEach(r -> out.add(new Evidence(r.source().location(), r.describe())));
            }
        } else if (fact instanceof Derived d) {
            // Derived facts: the registry values they came from, then what was concluded from them.
            for (RegistryValue v : d.values()) {
                out.add(new Evidence(v.source().location(), v.describe()));
            }
            out.add(new Evidence(d.source().location(), d.describe()));
        } else if (fact instanceof Symptom s) {
            out.add(aggregated(s.samples(), s.withCount(1).describe(), s.count(), s.firstSeen(), s.lastSeen(), false));
        } else if (fact instanceof TlsOutcome t) {
            out.add(aggregated(t.samples(), t.withCount(1).describe(), t.count(), t.firstSeen(), t.lastSeen(), false));
        } else if (fact instanceof EventRecord e) {
            // an event sample's detail names the record, not the data that matters (alert, error state)
            out.add(aggregated(e.samples(), e.provider() + " event " + e.eventId()
                    + (e.data().isEmpty() ? "" : " " + e.data()), e.count(), e.firstSeen(), e.lastSeen(), true));
        } else if (fact instanceof Fact f) {
            out.add(new Evidence(f.source().location(), f.describe()));
        }
        return out;
    }

    /**
     * One line for an aggregated fact. A sample's own detail (the log line) says more than the aggregate, so it is
     * the text, unless {@code describeFirst} (events: the detail only names the record).
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
            List<String> places = samples.subList(1, Math.min(samples.size(), 1 + MORE_PLACES)).stream()
                    .map(Provenance::location).toList();
            more.add("also " + String.join(", ", places) + (samples.size() > 1 + MORE_PLACES ? ", ..." : ""));
        }
        if (!more.isEmpty()) {
            b.append(" [").append(String.join("; ", more)).append(']');
        }
        return new Evidence(p.location(), b.toString());
    }
}

package io.mailflowkb.rules.engine;

import io.mailflowkb.model.fact.EventRecord;
import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.rules.derive.Derived;
import io.mailflowkb.rules.derive.ProtocolState;
import java.util.ArrayList;
import java.util.List;

/** Turns the facts a rule matched into evidence lines: where each was seen, and what it says. */
final class EvidenceRenderer {

    private EvidenceRenderer() {
    }

    static List<Evidence> render(Object fact) {
        List<Evidence> out = new ArrayList<>();
        if (fact instanceof ProtocolState s) {
            for (RegistryValue v : s.values()) {
                out.add(new Evidence(v.source().location(), v.describe()));
            }
            if (!"registry".equals(s.basis()) || s.values().isEmpty()) {
                out.add(new Evidence(s.source().location(), s.describe()));
            }
        } else if (fact instanceof Derived d) {
            // Derived facts: the registry values they came from, then what was concluded from them.
            for (RegistryValue v : d.values()) {
                out.add(new Evidence(v.source().location(), v.describe()));
            }
            out.add(new Evidence(d.source().location(), d.describe()));
        } else if (fact instanceof Symptom s) {
            samples(s.samples(), s.describe(), out);
        } else if (fact instanceof TlsOutcome t) {
            samples(t.samples(), t.describe(), out);
        } else if (fact instanceof EventRecord e) {
            // an event sample's detail names the record, not the data that matters (alert, error state)
            for (Provenance p : e.samples()) {
                out.add(new Evidence(p.location(), e.describe() + (p.detail() == null ? "" : " (" + p.detail() + ")")));
            }
        } else if (fact instanceof Fact f) {
            out.add(new Evidence(f.source().location(), f.describe()));
        }
        return out;
    }

    private static void samples(List<Provenance> samples, String text, List<Evidence> out) {
        // A sample's own detail (the log line, the session) says more than the aggregate; fall back to it.
        for (Provenance p : samples) {
            out.add(new Evidence(p.location(), p.detail() != null ? p.detail() : text));
        }
    }
}

package io.mailflowkb.rules.engine;

import io.mailflowkb.model.finding.Severity;
import io.mailflowkb.rules.derive.ExchangeBaseline;
import io.mailflowkb.rules.derive.ProtocolState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a finished rule session holds that the diagnosis is made of, gathered in one pass over its objects (the
 * session's object iterator walks every type store; walking it once per consumer was a tenth of a diagnosis).
 * Each list keeps the order in which the session's iterator gave its objects.
 */
final class SessionOutput {

    /** The knowledge rules' hits, and the same grouped by finding id (each group in hit order). */
    final List<FindingHit> hits = new ArrayList<>();
    final Map<String, List<FindingHit>> hitsByFinding = new LinkedHashMap<>();
    final List<String> missingIds = new ArrayList<>();
    /** Per finding id its correlation notes and severity reasons, sorted. */
    final Map<String, Set<String>> notes = new TreeMap<>();
    /** Per finding id the most severe raise a correlation asked for. */
    final Map<String, Severity> raised = new TreeMap<>();
    final Set<String> lowered = new HashSet<>();
    /** The last Exchange build baseline derived (there is one). */
    ExchangeBaseline baseline;
    /** The protocol states and baselines, what {@code Confirmations} reads. */
    final List<Object> confirmable = new ArrayList<>();

    static SessionOutput of(Iterable<?> sessionObjects) {
        SessionOutput out = new SessionOutput();
        for (Object o : sessionObjects) {
            if (o instanceof FindingHit h) {
                out.hits.add(h);
                out.hitsByFinding.computeIfAbsent(h.findingId(), k -> new ArrayList<>()).add(h);
            } else if (o instanceof SeverityRaise r) {
                out.raised.merge(r.findingId(), r.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                out.notes.computeIfAbsent(r.findingId(), k -> new TreeSet<>())
                        .add("severity " + r.severity().id() + ": " + r.reason());
            } else if (o instanceof FindingNote n) {
                out.notes.computeIfAbsent(n.findingId(), k -> new TreeSet<>()).add(n.text());
                if (n.lowersConfidence()) {
                    out.lowered.add(n.findingId());
                }
            } else if (o instanceof ExchangeBaseline b) {
                out.baseline = b;
                out.confirmable.add(b);
            } else if (o instanceof MissingHit m) {
                out.missingIds.add(m.missingId());
            } else if (o instanceof ProtocolState s) {
                out.confirmable.add(s);
            }
        }
        return out;
    }
}

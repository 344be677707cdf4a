package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsResult;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.spi.FactSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns lines into facts: one {@link Symptom} per (symptom, direction, peer class, connector) and one
 * {@link TlsOutcome} per (direction, peer class, connector, protocol, result, error), counted, over all files
 * of one request. The key space is small (a handful of connectors and errors), so a 1 GB folder ends as a few
 * hundred facts; the maps are still capped in case a log has thousands of connector names.
 */
public final class FactAggregator {

    static final int MAX_KEYS = 5_000;

    // equals and hashCode by hand: the records' generated ones go through an invokedynamic bootstrap that C1
    // (the launcher's compiler) does not inline, and a key is looked up for every TLS line and symptom hit

    public record SymptomKey(String id, String direction, String peerClass, String connector) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SymptomKey k && Objects.equals(id, k.id) && Objects.equals(direction, k.direction)
                    && Objects.equals(peerClass, k.peerClass) && Objects.equals(connector, k.connector);
        }

        @Override
        public int hashCode() {
            return ((Objects.hashCode(id) * 31 + Objects.hashCode(direction)) * 31 + Objects.hashCode(peerClass)) * 31
                    + Objects.hashCode(connector);
        }
    }

    public record TlsKey(String direction, String peerClass, String connector, String protocol, String result,
                         String error) {
        @Override
        public boolean equals(Object o) {
            return o instanceof TlsKey k && Objects.equals(direction, k.direction)
                    && Objects.equals(peerClass, k.peerClass) && Objects.equals(connector, k.connector)
                    && Objects.equals(protocol, k.protocol) && Objects.equals(result, k.result)
                    && Objects.equals(error, k.error);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(direction);
            h = h * 31 + Objects.hashCode(peerClass);
            h = h * 31 + Objects.hashCode(connector);
            h = h * 31 + Objects.hashCode(protocol);
            h = h * 31 + Objects.hashCode(result);
            return h * 31 + Objects.hashCode(error);
        }
    }

    private final Map<SymptomKey, Tally> symptoms = new LinkedHashMap<>();
    private final Map<TlsKey, Tally> outcomes = new LinkedHashMap<>();
    private long dropped;

    public void symptom(SymptomKey key, String time, String text, List<Provenance> where) {
        Tally t = tally(symptoms, key);
        if (t != null) {
            t.add(time, text, null, where);
        }
    }

    public void tls(TlsKey key, String cipher, String time, String text, Provenance where) {
        Tally t = tally(outcomes, key);
        if (t != null) {
            t.add(time, text, cipher, List.of(where));
        }
    }

    /** Takes over another aggregator's counts (a file read on another thread), as if read after ours. */
    public void merge(FactAggregator other) {
        other.symptoms.forEach((k, t) -> {
            Tally mine = tally(symptoms, k);
            if (mine != null) {
                mine.merge(t);
            }
        });
        other.outcomes.forEach((k, t) -> {
            Tally mine = tally(outcomes, k);
            if (mine != null) {
                mine.merge(t);
            }
        });
        dropped += other.dropped;
    }

    /** Sends every fact to the sink (TLS outcomes first) and forgets them. */
    public void flush(FactSink sink, String source) {
        outcomes.forEach((k, t) -> sink.fact(new TlsOutcome(FlowDirection.of(k.direction()), PeerClass.of(k.peerClass()), k.connector(),
                k.protocol(), TlsResult.of(k.result()), k.error(), t.extra(), t.count(), t.firstSeen(), t.lastSeen(),
                t.samples())));
        symptoms.forEach((k, t) -> sink.fact(new Symptom(k.id(), t.text(), FlowDirection.of(k.direction()), PeerClass.of(k.peerClass()),
                k.connector(), t.count(), t.firstSeen(), t.lastSeen(), t.samples())));
        if (dropped > 0) {
            sink.warning(source, null, dropped + " occurrences not aggregated: more than " + MAX_KEYS
                    + " distinct fact keys (connector names?)");
        }
        outcomes.clear();
        symptoms.clear();
        dropped = 0;
    }

    private <K> Tally tally(Map<K, Tally> map, K key) {
        Tally t = map.get(key);
        if (t == null) {
            if (map.size() >= MAX_KEYS) {
                dropped++;
                return null;
            }
            t = new Tally();
            map.put(key, t);
        }
        return t;
    }
}

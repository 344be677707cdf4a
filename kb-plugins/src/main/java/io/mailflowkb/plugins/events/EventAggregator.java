package io.mailflowkb.plugins.events;

import io.mailflowkb.model.fact.EventRecord;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.ServerName;
import io.mailflowkb.model.spi.FactSink;
import io.mailflowkb.plugins.logs.SymptomMatcher;
import io.mailflowkb.plugins.logs.Tally;
import io.mailflowkb.model.knowledge.SymptomDefinition;
import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.Symptom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Counts events into {@link EventRecord}s per (provider, id, relevant data), keeps the rest out (counted for one
 * warning), and matches event messages against the knowledge symptoms.
 */
final class EventAggregator {

    static final int MAX_KEYS = 5_000;

    private record Key(String provider, int id, Map<String, String> data) {
    }

    private record SymptomKey(String id, String direction) {
    }

    private static final class Acc {
        final Tally tally = new Tally();
        String level;
        String message;
    }

    private final String source;
    private final SymptomMatcher matcher;
    private final Map<Key, Acc> events = new LinkedHashMap<>();
    private final Map<SymptomKey, Tally> symptoms = new LinkedHashMap<>();
    /** A host name or FQDN as {@code <Computer>} holds it; anything else is not taken for a name. */
    private static final Pattern COMPUTER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}(\\.[A-Za-z0-9-]{1,63}){0,10}");
    /** An export of a whole fleet's forwarded events is not one server's: a few names are plenty to say so. */
    private static final int MAX_COMPUTERS = 8;
    private final Map<String, ServerName> computers = new LinkedHashMap<>();
    private long ignored;
    private long total;

    EventAggregator(String source, SymptomMatcher matcher) {
        this.source = source;
        this.matcher = matcher;
    }

    void accept(RawEvent e) {
        total++;
        if (e.computer() != null && COMPUTER.matcher(e.computer()).matches() && computers.size() < MAX_COMPUTERS) {
            // any event names the computer that logged it, whatever its provider
            computers.putIfAbsent(e.computer().toUpperCase(Locale.ROOT),
                    new ServerName(e.computer(), ServerName.Basis.EVENT_COMPUTER,
                            new Provenance(source, e.line() > 0 ? e.line() : null,
                                    e.recordId() == null ? null : "record " + e.recordId())));
        }
        if (e.provider() == null || e.provider().isBlank() || e.id() < 0 || !EventDataRules.keep(e.provider())) {
            ignored++;
            return;
        }
        Provenance where = new Provenance(source, e.line() > 0 ? e.line() : null,
                e.provider().strip() + " " + e.id() + (e.recordId() == null ? "" : " record " + e.recordId()),
                e.recordId() == null ? null : String.valueOf(e.recordId()));
        Key key = new Key(EventDataRules.canonical(e.provider()), e.id(), new TreeMap<>(EventDataRules.relevant(e)));
        Acc acc = events.get(key);
        if (acc == null) {
            if (events.size() >= MAX_KEYS) {
                ignored++;
                return;
            }
            acc = new Acc();
            events.put(key, acc);
        }
        acc.tally.add(e.time(), null, null, List.of(where));
        if (acc.level == null) {
            acc.level = e.level();
        }
        if (acc.message == null && e.message() != null && !e.message().isBlank()) {
            acc.message = Tally.truncate(e.message().replaceAll("\\s+", " "));
        }
        if (e.message() != null) {
            for (SymptomDefinition d : matcher.match(e.message())) {
                symptoms.computeIfAbsent(new SymptomKey(d.id(), d.direction()), k -> new Tally())
                        .add(e.time(), e.message().replaceAll("\\s+", " "), null, List.of(where));
            }
        }
    }

    void flush(FactSink sink) {
        computers.values().forEach(sink::fact);
        events.forEach((k, a) -> sink.fact(new EventRecord(k.provider(), k.id(), a.level, k.data(), a.message,
                a.tally.count(), a.tally.firstSeen(), a.tally.lastSeen(), a.tally.samples())));
        symptoms.forEach((k, t) -> sink.fact(new Symptom(k.id(), t.text(), FlowDirection.of(k.direction()), PeerClass.UNKNOWN,
                null, t.count(), t.firstSeen(), t.lastSeen(), t.samples())));
        if (ignored > 0) {
            sink.warning(source, null, ignored + " of " + total
                    + " events skipped: only Schannel and MSExchange* events are used");
        }
    }

    long total() {
        return total;
    }
}

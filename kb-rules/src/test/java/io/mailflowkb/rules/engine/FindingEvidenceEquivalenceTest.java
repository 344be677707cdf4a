package io.mailflowkb.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailflowkb.model.fact.EventRecord;
import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.fact.TlsResult;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.rules.derive.ProtocolState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FindingEvidence#of} (sort keys only between several hits, duplicates and places found in one pass over the
 * kept lines up to {@link FindingEvidence#SMALL}) and the renderer's aggregated lines (the fact in words made only
 * when no sample detail replaces it, places joined by hand) against the code they replace, over seeded random hits:
 * registry values shared by several hits and protocol states, symptoms and TLS outcomes with and without a detail,
 * on the same file and line as each other (one place, two facts), events with several samples, notes, and lists
 * longer than {@code SMALL}, which take the old way.
 */
class FindingEvidenceEquivalenceTest {

    static Stream<Long> seeds() {
        return LongStream.range(0, 40).map(i -> 15_485_863L * i + 11).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void evidenceIsWhatTheSetsGave(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            List<Object> pool = new ArrayList<>();
            for (int k = 1 + r.nextInt(12); k > 0; k--) {
                pool.add(fact(r, pool));
            }
            List<FindingHit> hits = new ArrayList<>();
            int hitCount = 1 + r.nextInt(r.nextInt(8) == 0 ? 12 : 4);
            for (int h = 0; h < hitCount; h++) {
                List<Object> facts = new ArrayList<>();
                for (int f = 1 + r.nextInt(3); f > 0; f--) {
                    facts.add(pool.get(r.nextInt(pool.size()))); // the same fact in several hits, as rules give it
                }
                hits.add(new FindingHit("f", facts));
            }
            Set<String> notes = new TreeSet<>();
            for (int n = r.nextInt(3); n > 0; n--) {
                notes.add(r.nextBoolean() ? "root cause: x" + r.nextInt(2) : "confidence: lower - " + r.nextInt(3));
            }
            assertEquals(plain(hits, notes), FindingEvidence.of(hits, notes), hits::toString);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aggregatedLinesAreTheOldText(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 300; i++) {
            Object f = fact(r, List.of());
            if (f instanceof Symptom || f instanceof TlsOutcome || f instanceof EventRecord) {
                assertEquals(List.of(plainAggregated(f)), EvidenceRenderer.render(f), f::toString);
            }
        }
    }

    private static Provenance place(Random r) {
        String file = "log" + r.nextInt(3) + ".log";
        String detail = r.nextInt(3) == 0 ? null : "line text " + r.nextInt(4);
        String record = r.nextInt(4) == 0 ? String.valueOf(r.nextInt(9)) : null;
        return new Provenance(file, r.nextInt(5) == 0 ? null : 1 + r.nextInt(4), detail, record);
    }

    private static List<Provenance> samples(Random r) {
        List<Provenance> out = new ArrayList<>();
        for (int k = 1 + r.nextInt(r.nextBoolean() ? 2 : 6); k > 0; k--) {
            out.add(place(r));
        }
        return out;
    }

    private static String time(Random r) {
        return r.nextInt(3) == 0 ? null : "2024-03-01T10:0" + r.nextInt(3) + ":00Z";
    }

    static Object fact(Random r, List<Object> pool) {
        Provenance reg = Provenance.of("s" + r.nextInt(2) + ".reg", 1 + r.nextInt(6));
        String key = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1."
                + r.nextInt(3) + "\\" + (r.nextBoolean() ? "Client" : "Server");
        FlowDirection[] dirs = FlowDirection.values();
        PeerClass[] peers = PeerClass.values();
        return switch (r.nextInt(6)) {
            case 0 -> RegistryValue.dword(key, r.nextBoolean() ? "Enabled" : "DisabledByDefault", r.nextInt(3), reg);
            case 1 -> {
                List<RegistryValue> values = new ArrayList<>();
                for (Object o : pool) {
                    if (o instanceof RegistryValue v && r.nextBoolean()) {
                        values.add(v);
                    }
                }
                yield new ProtocolState("TLS 1." + r.nextInt(3), "client", ProtocolState.State.DISABLED,
                        r.nextBoolean() ? ProtocolState.Basis.REGISTRY : ProtocolState.Basis.OS_DEFAULT, false, false,
                        null, "reason " + r.nextInt(2), values, reg, true);
            }
            case 2 -> new Symptom("sym-" + r.nextInt(3), r.nextInt(4) == 0 ? null : "421 4.4.2 " + r.nextInt(2),
                    dirs[r.nextInt(dirs.length)], peers[r.nextInt(peers.length)], null, 1 + r.nextInt(3), time(r),
                    time(r), samples(r));
            case 3 -> new TlsOutcome(dirs[r.nextInt(dirs.length)], peers[r.nextInt(peers.length)], null,
                    r.nextBoolean() ? "TLS 1.2" : null, r.nextBoolean() ? TlsResult.FAILED : TlsResult.SUCCEEDED,
                    r.nextBoolean() ? "SocketError" : null, null, 1 + r.nextInt(3), time(r), time(r), samples(r));
            case 4 -> new EventRecord("Schannel", 36870 + r.nextInt(5), "Error",
                    r.nextBoolean() ? Map.of() : Map.of("Protocol", "TLS 1." + r.nextInt(3)), null, 1 + r.nextInt(3),
                    time(r), time(r), samples(r));
            default -> pool.isEmpty() ? RegistryValue.dword(key, "Enabled", 1, reg) : pool.get(r.nextInt(pool.size()));
        };
    }

    /** What the engine did before: all lines sorted by the hits' text, a LinkedHashSet, the notes, cited once. */
    static List<Evidence> plain(List<FindingHit> hits, Set<String> notes) {
        record Rendered(List<Evidence> lines, String key) {
        }
        List<Rendered> rendered = new ArrayList<>();
        for (FindingHit h : hits) {
            List<Evidence> lines = new ArrayList<>();
            h.facts().forEach(f -> lines.addAll(EvidenceRenderer.render(f)));
            rendered.add(new Rendered(lines, lines.toString()));
        }
        rendered.sort(Comparator.comparing(Rendered::key));
        Set<Evidence> set = new LinkedHashSet<>();
        rendered.forEach(x -> set.addAll(x.lines()));
        notes.forEach(t -> set.add(Evidence.note(t)));
        return EvidenceRenderer.citeEachLineOnce(set);
    }

    /** The renderer's line for an aggregated fact before this change (its text, unchanged). */
    static Evidence plainAggregated(Object fact) {
        if (fact instanceof Symptom s) {
            return aggregated(s.samples(), s.withCount(1).describe(), s.count(), s.firstSeen(), s.lastSeen(), false);
        }
        if (fact instanceof TlsOutcome t) {
            return aggregated(t.samples(), t.withCount(1).describe(), t.count(), t.firstSeen(), t.lastSeen(), false);
        }
        EventRecord e = (EventRecord) fact;
        return aggregated(e.samples(), e.provider() + " event " + e.eventId() + (e.data().isEmpty() ? "" : " "
                + e.data()), e.count(), e.firstSeen(), e.lastSeen(), true);
    }

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
            List<String> places = samples.subList(1, Math.min(samples.size(), 1 + EvidenceRenderer.MORE_PLACES))
                    .stream().map(x -> x.record() == null ? x.location() : x.location() + " record " + x.record())
                    .toList();
            more.add("also " + String.join(", ", places) + (samples.size() > 1 + EvidenceRenderer.MORE_PLACES
                    ? ", ..." : ""));
        }
        if (!more.isEmpty()) {
            b.append(" [").append(String.join("; ", more)).append(']');
        }
        return new Evidence(describeFirst ? Evidence.Kind.EVENT : Evidence.Kind.LINE, p.source(), p.line(), p.record(),
                b.toString());
    }
}

package io.mailflowkb.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.fact.TlsResult;
import io.mailflowkb.rules.derive.ProtocolMismatch;
import io.mailflowkb.rules.derive.UnexplainedFailure;
import io.mailflowkb.rules.report.MailFlows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * The directions per finding that {@link DiagnosisAssembly#logFlows} gives from bits and shared sets, against the
 * code it replaces (a sorted set per hit, merged: {@link #before}), over seeded random hits of symptoms, TLS
 * outcomes, unexplained failures and role mismatches in every direction, and facts with none; the same sets in the
 * same iteration order.
 */
class LogFlowsEquivalenceTest {

    static Stream<Long> seeds() {
        return LongStream.range(0, 100).boxed();
    }

    static final Provenance AT = Provenance.of("send.log", 4);

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void directionsAreThoseOfTheCodeTheyReplace(long seed) {
        Random r = new Random(seed);
        for (int run = 0; run < 100; run++) {
            Map<String, List<FindingHit>> hitsByFinding = new LinkedHashMap<>();
            for (int f = r.nextInt(5); f > 0; f--) {
                List<FindingHit> hits = new ArrayList<>();
                for (int h = 1 + r.nextInt(3); h > 0; h--) {
                    List<Object> facts = new ArrayList<>();
                    for (int k = r.nextInt(4); k > 0; k--) {
                        facts.add(fact(r));
                    }
                    hits.add(new FindingHit("f" + f, facts));
                }
                hitsByFinding.put("f" + f, hits);
            }
            Map<String, Set<String>> expected = before(hitsByFinding);
            Map<String, Set<String>> actual = DiagnosisAssembly.logFlows(hitsByFinding);
            assertEquals(expected, actual, hitsByFinding::toString);
            expected.forEach((id, set) -> assertEquals(List.copyOf(set), List.copyOf(actual.get(id)), id));
        }
    }

    private static Object fact(Random r) {
        FlowDirection d = FlowDirection.values()[r.nextInt(FlowDirection.values().length)];
        Symptom s = new Symptom("sym", "421 4.4.2", d, PeerClass.EXCHANGE_ONLINE, null, 1, null, null, List.of(AT));
        return switch (r.nextInt(5)) {
            case 0 -> s;
            case 1 -> new TlsOutcome(d, PeerClass.EXCHANGE_ONLINE, null, null, TlsResult.FAILED, null, null, 1, null,
                    null, List.of(AT));
            case 2 -> UnexplainedFailure.of(s);
            case 3 -> new ProtocolMismatch("TLS 1.2", "roles-differ", "both", r.nextBoolean() ? "client" : "Server",
                    "differ", List.of(), AT);
            default -> RegistryValue.dword("HKLM\\SOFTWARE\\X", "V", 1, AT);
        };
    }

    /** DiagnosisAssembly.logFlows and MailFlows.directionsOf as they were (main ae3f3af). */
    static Map<String, Set<String>> before(Map<String, List<FindingHit>> hitsByFinding) {
        Map<String, Set<String>> out = new HashMap<>();
        hitsByFinding.forEach((id, hits) -> {
            Set<String> directions = directionsOf(hits.get(0).facts());
            for (int i = 1; i < hits.size(); i++) {
                directions.addAll(directionsOf(hits.get(i).facts()));
            }
            out.put(id, directions);
        });
        return out;
    }

    private static Set<String> directionsOf(List<Object> facts) {
        Set<String> out = new TreeSet<>();
        for (Object o : facts) {
            FlowDirection d = o instanceof Symptom s ? s.direction() : o instanceof TlsOutcome t ? t.direction()
                    : o instanceof UnexplainedFailure u ? u.direction()
                    : o instanceof ProtocolMismatch m ? m.flowDirection() : FlowDirection.UNKNOWN;
            if (d != FlowDirection.UNKNOWN) {
                out.add(d.id());
            }
        }
        return out;
    }

    /** MailFlows.directionsOf answers from the same bits (it is public). */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void directionsOfAFactListAreTheOldSet(long seed) {
        Random r = new Random(seed);
        for (int run = 0; run < 100; run++) {
            List<Object> facts = new ArrayList<>();
            for (int k = r.nextInt(5); k > 0; k--) {
                facts.add(fact(r));
            }
            assertEquals(List.copyOf(directionsOf(facts)), List.copyOf(MailFlows.directionsOf(facts)));
        }
    }
}

package io.mailflowkb.rules.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.finding.Direction;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Root causes before their consequences, then severity, then id; the order depends only on the findings. */
class FindingOrderTest {

    static Finding f(String id, Severity s, String... causes) {
        return new Finding(id, s, "t", null, Direction.OUTBOUND, null, List.of(causes), List.of(), List.of(), List.of(),
                "r", null);
    }

    static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::id).toList();
    }

    @Test
    void causeComesBeforeItsConsequenceEvenWhenLessSevereOrLaterById() {
        List<Finding> in = List.of(f("a-consequence", Severity.CRITICAL, "z-cause"), f("m-other", Severity.CRITICAL),
                f("z-cause", Severity.WARNING), f("b-info", Severity.INFO));
        assertThat(ids(FindingOrder.sort(in))).containsExactly("m-other", "z-cause", "a-consequence", "b-info");
    }

    @Test
    void withoutCausesItIsSeverityThenId() {
        List<Finding> in = List.of(f("b", Severity.INFO), f("c", Severity.CRITICAL), f("a", Severity.CRITICAL),
                f("d", Severity.WARNING));
        assertThat(ids(FindingOrder.sort(in))).containsExactly("a", "c", "d", "b");
    }

    @Test
    void causesNotInTheDiagnosisAndCyclesDoNotLoseFindings() {
        List<Finding> in = List.of(f("x", Severity.CRITICAL, "y"), f("y", Severity.CRITICAL, "x"),
                f("w", Severity.WARNING, "absent"));
        assertThat(ids(FindingOrder.sort(in))).containsExactly("x", "y", "w");
    }

    static Stream<Arguments> seeds() {
        return Stream.of(1L, 7L, 42L, 1234L, 99991L).map(s -> Arguments.of("seed " + s, s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void anyInputOrderGivesTheSameOrderAndEveryCauseBeforeItsConsequences(String name, long seed) {
        Random r = new Random(seed);
        List<Finding> in = new ArrayList<>();
        int n = 2 + r.nextInt(10);
        for (int i = 0; i < n; i++) {
            List<String> causes = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                if (r.nextInt(4) == 0) {
                    causes.add("f" + j); // only earlier ones: no cycles
                }
            }
            in.add(f("f" + i, Severity.values()[r.nextInt(3)], causes.toArray(String[]::new)));
        }
        List<String> expected = ids(FindingOrder.sort(in));
        for (int k = 0; k < 5; k++) {
            List<Finding> shuffled = new ArrayList<>(in);
            Collections.shuffle(shuffled, r);
            assertThat(ids(FindingOrder.sort(shuffled))).isEqualTo(expected);
        }
        for (Finding f : in) {
            for (String c : f.causedBy()) {
                assertThat(expected.indexOf(c)).as("%s before %s", c, f.id()).isLessThan(expected.indexOf(f.id()));
            }
        }
    }
}

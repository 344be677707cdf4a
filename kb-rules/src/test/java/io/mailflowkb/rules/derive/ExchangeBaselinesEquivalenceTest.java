package io.mailflowkb.rules.derive;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.knowledge.ExchangeBuildDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ExchangeBaselines} with its builds parsed once answers {@code first} and {@code atLeast} as the code that
 * parsed every row per look-up ({@link ExchangeBaselinesBefore}), over seeded random build tables (with duplicate
 * lines, rows that are no dotted number, rows of other lines) and random look-ups.
 */
class ExchangeBaselinesEquivalenceTest {

    static final List<String> MARKS = List.of("tls12-smtp", "tls13", "smtp-not-tls10-only", "subscription-edition",
            "none");

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).boxed();
    }

    static String build(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> "";
            case 1 -> "15.x.1";
            case 2 -> " 15." + r.nextInt(3) + " ";
            case 3 -> String.valueOf(14 + r.nextInt(2));
            default -> (14 + r.nextInt(2)) + "." + r.nextInt(3) + "." + r.nextInt(4) + (r.nextBoolean() ? ""
                    : "." + r.nextInt(3) + (r.nextInt(5) == 0 ? ".1" : ""));
        };
    }

    static List<ExchangeBuildDefinition> table(Random r) {
        List<ExchangeBuildDefinition> rows = new ArrayList<>();
        int n = r.nextInt(14);
        for (int i = 0; i < n; i++) {
            List<String> marks = new ArrayList<>();
            for (String m : MARKS.subList(0, 4)) {
                if (r.nextInt(3) == 0) {
                    marks.add(m);
                }
            }
            rows.add(new ExchangeBuildDefinition(build(r), "P" + r.nextInt(3), "CU" + i, "S56", marks));
        }
        return rows;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void firstAndAtLeastAnswerAsWhenEveryRowWasParsedPerLookUp(long seed) {
        Random r = new Random(seed);
        List<ExchangeBuildDefinition> rows = table(r);
        ExchangeBaselines now = new ExchangeBaselines(rows);
        ExchangeBaselinesBefore before = new ExchangeBaselinesBefore(rows);
        assertThat(now.rows()).isEqualTo(before.rows());
        for (int q = 0; q < 40; q++) {
            long major = 14 + r.nextInt(2);
            long minor = r.nextInt(3);
            String mark = MARKS.get(r.nextInt(MARKS.size()));
            ExchangeBuildDefinition a = now.first(major, minor, mark);
            ExchangeBuildDefinition b = before.first(major, minor, mark);
            assertThat(a).as("first(%d, %d, %s)", major, minor, mark).isSameAs(b);
            long[] build = ExchangeBaseline.parse(build(r));
            if (build != null) {
                assertThat(now.atLeast(build, a)).isEqualTo(ExchangeBaselinesBefore.atLeast(build, b));
            }
        }
    }
}

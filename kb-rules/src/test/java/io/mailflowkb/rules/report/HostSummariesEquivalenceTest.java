package io.mailflowkb.rules.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.knowledge.ExchangeBuildDefinition;
import io.mailflowkb.rules.Diagnostician;
import io.mailflowkb.rules.derive.ExchangeBaselines;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report header read from the build table's builds parsed once is the header the code that parsed every row
 * per run made ({@link HostSummariesBefore}), over seeded random hosts against the shipped table and random tables
 * (builds on, between, below and above the rows, other lines, no build, versions named or not).
 */
class HostSummariesEquivalenceTest {

    static List<ExchangeBuildDefinition> shipped;

    @BeforeAll
    static void load() {
        shipped = Diagnostician.load().knowledge().exchangeBuilds();
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).boxed();
    }

    static final List<String> VERSIONS = new ArrayList<>(java.util.Arrays.asList(null, null, "2010", "2013", "2016",
            "2019", "SE", "2007"));

    static List<ExchangeBuildDefinition> randomTable(Random r) {
        List<ExchangeBuildDefinition> rows = new ArrayList<>();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            List<String> marks = new ArrayList<>();
            for (String m : ExchangeBuildDefinition.FIRST_WITH) {
                if (r.nextInt(3) == 0) {
                    marks.add(m);
                }
            }
            String build = (14 + r.nextInt(2)) + "." + r.nextInt(3) + "." + r.nextInt(5) + "." + r.nextInt(3);
            rows.add(new ExchangeBuildDefinition(build, "Product " + r.nextInt(4), "CU" + i, "S56", marks));
        }
        return rows;
    }

    static String hostBuild(Random r, List<ExchangeBuildDefinition> rows) {
        int k = r.nextInt(6);
        if (k == 0) {
            return null;
        }
        if (k == 1 || rows.isEmpty()) {
            return (14 + r.nextInt(2)) + "." + r.nextInt(3) + (r.nextBoolean() ? "" : "." + r.nextInt(3000))
                    + (r.nextBoolean() ? "" : "." + r.nextInt(40));
        }
        String row = rows.get(r.nextInt(rows.size())).build();
        if (k == 2) {
            return row;
        }
        String[] p = row.split("\\.");
        int i = 2 + r.nextInt(p.length - 2);
        p[i] = String.valueOf(Math.max(0, Long.parseLong(p[i]) + r.nextInt(5) - 2));
        return k == 3 ? String.join(".", p) + ".1" : String.join(".", p);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theHeaderIsTheOneMadeWhenEveryRowWasParsedPerRun(long seed) {
        Random r = new Random(seed);
        List<ExchangeBuildDefinition> rows = r.nextBoolean() ? shipped : randomTable(r);
        ExchangeBaselines table = new ExchangeBaselines(rows);
        for (int q = 0; q < 20; q++) {
            HostProfile host = new HostProfile("Windows Server 2019 Standard", 17763,
                    VERSIONS.get(r.nextInt(VERSIONS.size())), hostBuild(r, rows), null, "EX01", null, null,
                    Provenance.of("exchange.reg", 1 + q));
            FactBundle bundle = FactBundle.builder().add(host).build();
            assertThat(HostSummaries.of(bundle, table)).as(host.toString())
                    .isEqualTo(HostSummariesBefore.of(bundle, rows));
        }
    }
}

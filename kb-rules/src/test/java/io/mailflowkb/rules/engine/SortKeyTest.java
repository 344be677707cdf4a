package io.mailflowkb.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailflowkb.model.finding.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine sorts finding hits by their evidence text; its hand-built key must be exactly List.toString(). */
class SortKeyTest {

    static Stream<Long> seeds() {
        return LongStream.range(0, 20).map(i -> 31 * i + 5).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sortKeyIsTheListText(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            List<Evidence> lines = new ArrayList<>();
            int n = r.nextInt(4);
            for (int j = 0; j < n; j++) {
                lines.add(new Evidence(Evidence.Kind.REGISTRY, "f" + r.nextInt(100) + ".reg", r.nextInt(5) == 0 ? null
                        : 1 + r.nextInt(9), null,
                        r.nextInt(5) == 0 ? "" : "SCHANNEL TLS 1." + r.nextInt(4) + ", fact=]" + r.nextInt(3)));
            }
            assertEquals(lines.toString(), FindingEvidence.sortKey(lines));
        }
    }
}

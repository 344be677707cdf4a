package io.mailflowkb.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.BundleCodec;
import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.Fact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FactBundle#forEachFact}, which the engine inserts a bundle with, gives the very facts of
 * {@link FactBundle#facts()} (the streams it replaces) in the same order: over seeded random bundles built from the
 * facts of every bundle file in the shipped knowledge (examples and near misses, every fact type they hold), with
 * and without a host.
 */
class BundleFactOrderTest {

    private static List<Fact> pool;

    @BeforeAll
    static void readEveryShippedBundle() throws IOException {
        Path knowledge = Path.of(System.getProperty("kb.knowledge.dir", "../knowledge"));
        List<Fact> facts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(knowledge)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                if (Files.readString(p).contains("schemaVersion:")) {
                    BundleCodec.read(p).facts().forEach(facts::add);
                }
            }
        }
        pool = facts;
        Set<Class<?>> types = pool.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(types).as("fact types in the shipped bundles").hasSizeGreaterThanOrEqualTo(12);
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 30).mapToObj(i -> 3_571L * i + 5);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void forEachFactIsFactsInOrder(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 50; i++) {
            List<Fact> picked = new ArrayList<>();
            for (int k = r.nextInt(60); k > 0; k--) {
                picked.add(pool.get(r.nextInt(pool.size())));
            }
            Collections.shuffle(picked, r);
            FactBundle.Builder b = FactBundle.builder();
            picked.forEach(b::add);
            FactBundle bundle = r.nextInt(5) == 0 ? b.build().plus(b.build()) : b.build();
            List<Fact> expected = bundle.facts().toList();
            List<Fact> given = new ArrayList<>();
            bundle.forEachFact(given::add);
            assertThat(given).as("seed %d bundle %d", seed, i).containsExactlyElementsOf(expected);
            for (int k = 0; k < given.size(); k++) {
                assertThat(given.get(k)).isSameAs(expected.get(k));
            }
        }
    }
}

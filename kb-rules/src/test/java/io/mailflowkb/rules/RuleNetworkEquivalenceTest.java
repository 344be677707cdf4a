package io.mailflowkb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.rules.engine.Engine;
import io.mailflowkb.rules.knowledge.Knowledge;
import io.mailflowkb.rules.knowledge.KnowledgeExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The KieBase as the engine builds it (property reactivity off, {@code RuleNetwork}) against the same rules built with
 * Drools' default options: every shipped bundle example and thousands of generated bundles give equal diagnoses and
 * equal explanations (the rules that fired, in firing order, on which facts, and why the others did not), so the
 * build options change how long the KieBase takes to make and nothing it decides.
 */
class RuleNetworkEquivalenceTest {

    static Diagnostician built;
    static Diagnostician reference;

    @BeforeAll
    static void load() {
        Knowledge k = Diagnostician.loadKnowledge(List.of());
        built = new Diagnostician(EngineBuild.engineInBackground(k, Engine::new));
        reference = new Diagnostician(EngineBuild.engineInBackground(k, Engine::withDroolsDefaults));
    }

    static Stream<KnowledgeExample> bundleExamples() {
        return ShippedExamplesTest.bundleExamples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundleExamples")
    void everyShippedBundleExampleIsExplainedAlike(KnowledgeExample example) {
        FactBundle bundle = ShippedExamplesTest.readBundles(example, example.definition().inputs());
        assertSame(bundle, example.name());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20261201L, 17L, 99991L})
    void generatedBundlesAreExplainedAlike(long seed) {
        Random random = new Random(seed);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < 700 && differences.size() < 3; i++) {
            GeneratedBundlesTest.Case c = GeneratedBundlesTest.Case.random(random);
            Diagnostician.Explained a = built.explain(c.bundle());
            Diagnostician.Explained b = reference.explain(c.bundle());
            if (!a.equals(b)) {
                differences.add("bundle " + i + " " + c + "\n  built     " + a + "\n  reference " + b);
            }
        }
        assertThat(differences).as("seed %d", seed).isEmpty();
        // the comparison means something: the generated bundles fire rules and produce findings
        assertThat(built.explain(GeneratedBundlesTest.Case.random(new Random(seed)).bundle()).trace().fired())
                .isNotEmpty();
    }

    private static void assertSame(FactBundle bundle, String what) {
        Diagnostician.Explained a = built.explain(bundle);
        Diagnostician.Explained b = reference.explain(bundle);
        assertThat(a.diagnosis()).as(what).isEqualTo(b.diagnosis());
        assertThat(a.trace()).as(what).isEqualTo(b.trace());
        assertThat(a.trace().fired()).as("%s fires rules", what).isNotEmpty();
    }
}

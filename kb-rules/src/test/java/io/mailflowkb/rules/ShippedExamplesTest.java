package io.mailflowkb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.BundleCodec;
import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.rules.examples.ExampleRunner;
import io.mailflowkb.rules.knowledge.KnowledgeExample;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped example whose inputs are fact bundles must produce exactly what it declares. */
class ShippedExamplesTest {

    static Diagnostician kb;

    @BeforeAll
    static void load() {
        kb = Diagnostician.load();
    }

    static Stream<KnowledgeExample> bundleExamples() {
        return Diagnostician.load().knowledge().examples().stream()
                .filter(e -> e.definition().inputs().stream().allMatch(i -> i.endsWith(".yaml") || i.endsWith(".json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundleExamples")
    void exampleProducesWhatItDeclares(KnowledgeExample example) {
        ExampleRunner runner = new ExampleRunner(kb, e -> readBundles(e, e.definition().inputs()));
        ExampleRunner.Result result = runner.run(example);
        assertThat(result.problems()).as("example %s produced %s", example.name(), result.produced()).isEmpty();
    }

    static FactBundle readBundles(KnowledgeExample example, List<String> inputs) {
        FactBundle merged = null;
        for (String input : inputs) {
            FactBundle b = BundleCodec.read(example.input(input));
            merged = merged == null ? b : merged.plus(b);
        }
        return merged;
    }
}

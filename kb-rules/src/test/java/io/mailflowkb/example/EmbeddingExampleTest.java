package io.mailflowkb.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.bundle.BundleCodec;
import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.CollectionRequest;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.FactSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import io.mailflowkb.rules.Diagnostician;
import io.mailflowkb.rules.explain.Firing;
import io.mailflowkb.rules.explain.NotFired;
import io.mailflowkb.rules.explain.Unmet;
import io.mailflowkb.rules.knowledge.KnowledgeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docs/embedding.md describes, as a program that uses only the public API (this package is outside
 * io.mailflowkb.rules on purpose): load once, diagnose many bundles from 8 threads at once, get exactly what a
 * single thread gets; plug in a collector; catch typed exceptions.
 */
class EmbeddingExampleTest {

    static final long SEED = 20_260_114L;
    static Diagnostician kb;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadOnce() {
        kb = Diagnostician.load();
    }

    @Test
    void eightThreadsGiveExactlyTheSingleThreadedDiagnoses() throws Exception {
        List<FactBundle> bundles = new ArrayList<>(ExampleBundles.shipped());
        bundles.addAll(ExampleBundles.variations(SEED, 600));
        List<Diagnosis> expected = bundles.stream().map(kb::diagnose).toList();
        Set<List<String>> distinct = new HashSet<>();
        expected.forEach(d -> distinct.add(d.findings().stream().map(Finding::id).toList()));
        assertThat(distinct).as("the variations exercise several outcomes").hasSizeGreaterThanOrEqualTo(4);

        // every bundle three times, shuffled, so threads really do diagnose different bundles at the same moment
        List<Integer> order = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < bundles.size(); i++) {
                order.add(i);
            }
        }
        Collections.shuffle(order, new Random(SEED));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Diagnosis>> results = new ArrayList<>();
            for (int i : order) {
                results.add(pool.submit(() -> kb.diagnose(bundles.get(i))));
            }
            for (int k = 0; k < order.size(); k++) {
                int i = order.get(k);
                assertThat(results.get(k).get()).as("bundle %d (seed %d)", i, SEED).isEqualTo(expected.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A third-party collector written against kb-model alone: lines of "Client|Enabled|0". */
    static final class PipeCollector implements FactCollector {
        @Override
        public String id() {
            return "pipe";
        }

        @Override
        public String description() {
            return "TLS 1.2 SChannel values as Role|Name|Value lines";
        }

        @Override
        public Set<InputKind> accepts() {
            return Set.of(InputKind.REGISTRY);
        }

        @Override
        public void collect(CollectionRequest request, FactSink sink) throws IOException {
            List<String> lines = Files.readAllLines(request.path(), StandardCharsets.UTF_8);
            for (int n = 1; n <= lines.size(); n++) {
                String[] parts = lines.get(n - 1).split("\\|");
                if (parts.length != 3 || !parts[2].matches("\\d+")) {
                    sink.warning(request.displayName(), n, "not Role|Name|Value: " + lines.get(n - 1));
                    continue;
                }
                Fact value = RegistryValue.dword(ExampleBundles.TLS12 + parts[0], parts[1], Long.parseLong(parts[2]),
                        Provenance.of(request.displayName(), n));
                sink.fact(value);
            }
        }
    }

    @Test
    void aCollectorFeedsTheDiagnostician() throws Exception {
        Path export = tmp.resolve("tls12.txt");
        Files.writeString(export, "Client|Enabled|0\nClient|DisabledByDefault|1\nnonsense\n");
        FactCollector collector = new PipeCollector();
        CollectingSink sink = new CollectingSink(collector.id());
        sink.read(export.toString(), collector.id());
        collector.collect(Request.forPath(InputKind.REGISTRY, export, kb.compiledSymptoms()), sink);

        Diagnosis d = kb.diagnose(sink.toBundle());
        assertThat(d.findings()).extracting(Finding::id).contains("tls12-client-disabled");
        Finding f = d.findings().stream().filter(x -> x.id().equals("tls12-client-disabled")).findFirst().orElseThrow();
        assertThat(f.evidence()).anyMatch(e -> e.source().equals(export + ":1"));
        assertThat(d.inputs()).singleElement().satisfies(i -> {
            assertThat(i.collector()).isEqualTo("pipe");
            assertThat(i.facts()).isEqualTo(2);
            assertThat(i.warnings()).containsExactly("line 3: not Role|Name|Value: nonsense");
        });
    }

    /** docs/embedding.md "Explain a diagnosis": the trace is data, with the rule, its facts and what did not hold. */
    @Test
    void explainGivesTheTraceAsData() {
        FactBundle bundle = FactBundle.builder().add(RegistryValue.dword(ExampleBundles.TLS12 + "Client",
                "Enabled", 0, Provenance.of("my-agent", 7))).build();
        Diagnostician.Explained e = kb.explain(bundle);
        assertThat(e.diagnosis()).isEqualTo(kb.diagnose(bundle));
        Firing fired = e.trace().fired().stream().filter(f -> f.rule().equals("finding:tls12-client-disabled"))
                .findFirst().orElseThrow();
        assertThat(fired.matched()).anySatisfy(m -> assertThat(m.fact()).contains("TLS 1.2 client"));
        NotFired server = e.trace().notFired().stream().filter(n -> n.findingId().equals("tls12-server-disabled"))
                .findFirst().orElseThrow();
        assertThat(server.unmet().get(0).reason()).isEqualTo(Unmet.Reason.NO_MATCH);
        assertThat(server.unmet().get(0).factType()).isEqualTo("ProtocolState");
        assertThat(server.unmet().get(0).constraints()).contains("role=server");
    }

    @Test
    void badInputAndBadKnowledgeAreTypedExceptions() throws Exception {
        assertThatThrownBy(() -> BundleCodec.read("registry: [ {key: 1".getBytes(StandardCharsets.UTF_8), "broken.yaml"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("broken.yaml");
        Path knowledge = Files.createDirectories(tmp.resolve("knowledge"));
        Files.writeString(knowledge.resolve("bad.yaml"), "findings:\n  - id: x\n    severity: fatal\n");
        assertThatThrownBy(() -> Diagnostician.load(List.of(knowledge))).isInstanceOf(KnowledgeException.class)
                .satisfies(e -> assertThat(((KnowledgeException) e).problems()).isNotEmpty());
    }
}

package io.mailflowkb.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.rules.engine.Engine;
import io.mailflowkb.rules.knowledge.Knowledge;
import io.mailflowkb.rules.knowledge.KnowledgeException;
import io.mailflowkb.rules.knowledge.KnowledgeExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The background builds ({@link Diagnostician#start}, {@link Diagnostician#preload}) give what {@link Diagnostician#load}
 * gives, throw what it throws where it throws it, and never lose what a background thread threw.
 */
class EngineBuildTest {

    static Diagnostician loaded;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        loaded = Diagnostician.load();
    }

    @AfterEach
    void nothingLeftOffered() {
        EngineBuild.offer(null); // a test's preloaded build must not reach another test's load()
    }

    static Stream<KnowledgeExample> bundleExamples() {
        return ShippedExamplesTest.bundleExamples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundleExamples")
    void startedAndPreloadedDiagnoseEveryExampleAsLoadDoes(KnowledgeExample example) {
        FactBundle bundle = ShippedExamplesTest.readBundles(example, example.definition().inputs());
        Diagnostician started = Diagnostician.start(List.of());
        EngineBuild.offer(EngineBuild.inBackground(() -> Diagnostician.loadKnowledge(List.of()), Engine::new));
        Diagnostician preloaded = Diagnostician.start(List.of());

        assertThat(started.diagnose(bundle)).isEqualTo(loaded.diagnose(bundle));
        assertThat(preloaded.diagnose(bundle)).isEqualTo(loaded.diagnose(bundle));
        assertThat(started.explain(bundle)).isEqualTo(loaded.explain(bundle));
    }

    /**
     * A background build makes the first session before handing the engine over; whichever run comes first takes it
     * (here an explanation, which adds its listener to it), and the next ones make or pool their own as before.
     */
    @Test
    void theSessionMadeAheadGivesTheSameExplanationAndDiagnosesAfterIt() {
        List<FactBundle> bundles = bundleExamples().limit(3)
                .map(e -> ShippedExamplesTest.readBundles(e, e.definition().inputs())).toList();
        Diagnostician started = Diagnostician.start(List.of());
        assertThat(started.explain(bundles.get(0))).isEqualTo(loaded.explain(bundles.get(0)));
        for (int round = 0; round < 3; round++) {
            for (FactBundle b : bundles) {
                assertThat(started.diagnose(b)).isEqualTo(loaded.diagnose(b));
            }
        }
    }

    @Test
    void badUserKnowledgeIsThrownByStartAsLoadThrowsIt() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("bad"));
        Files.writeString(dir.resolve("user.yaml"), HostileKnowledgeTest.HEADER
                + "findings:\n  - id: Not An Id\n    severity: warning\n");
        KnowledgeException fromLoad = (KnowledgeException) catchThrowable(() -> Diagnostician.load(List.of(dir)));
        KnowledgeException fromStart = (KnowledgeException) catchThrowable(() -> Diagnostician.start(List.of(dir)));

        assertThat(fromLoad).isNotNull();
        assertThat(fromStart).isNotNull();
        assertThat(fromStart.getMessage()).isEqualTo(fromLoad.getMessage()).contains("user.yaml");
        assertThat(fromStart.problems()).isEqualTo(fromLoad.problems());
    }

    @Test
    void aPreloadThatFailedThrowsItsOwnProblemFromTheLoadThatTakesIt() {
        KnowledgeException broken = new KnowledgeException(List.of());
        EngineBuild.offer(EngineBuild.inBackground(() -> {
            throw broken;
        }, Engine::new));
        assertThat(catchThrowable(() -> Diagnostician.start(List.of()))).isSameAs(broken);

        EngineBuild.offer(EngineBuild.inBackground(() -> {
            throw broken;
        }, Engine::new));
        assertThat(catchThrowable(() -> Diagnostician.load(List.of()))).isSameAs(broken);
    }

    @Test
    void aRuleEngineThatFailedInTheBackgroundFailsEveryDiagnosisWithItsOwnError() {
        Knowledge knowledge = loaded.knowledge();
        for (RuntimeException failure : List.of(new IllegalStateException("built wrong"),
                new UnsupportedOperationException("no"))) {
            Diagnostician kb = new Diagnostician(EngineBuild.engineInBackground(knowledge, k -> {
                throw failure;
            }));
            assertThat(kb.knowledge()).isSameAs(knowledge); // what does not need the engine still works
            FactBundle empty = FactBundle.builder().build();
            assertThat(catchThrowable(() -> kb.diagnose(empty))).isSameAs(failure);
            assertThat(catchThrowable(() -> kb.diagnose(empty))).as("asked again").isSameAs(failure);
            assertThat(catchThrowable(() -> kb.explain(empty))).isSameAs(failure);
        }
        OutOfMemoryError oom = new OutOfMemoryError("test");
        Diagnostician kb = new Diagnostician(EngineBuild.engineInBackground(knowledge, k -> {
            throw oom;
        }));
        assertThatThrownBy(() -> kb.diagnose(FactBundle.builder().build())).isSameAs(oom);
    }

    @Test
    void aLoadWithFoldersLeavesThePreloadAndStopsItBeforeItsRuleEngine() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger built = new AtomicInteger();
        EngineBuild preload = EngineBuild.inBackground(() -> {
            try {
                release.await(30, TimeUnit.SECONDS); // still loading when the load with folders comes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return loaded.knowledge();
        }, k -> {
            built.incrementAndGet();
            return new Engine(k);
        });
        EngineBuild.offer(preload);
        Path dir = Files.createDirectory(tmp.resolve("user"));
        Files.writeString(dir.resolve("user.yaml"), HostileKnowledgeTest.HEADER + HostileKnowledgeTest.SYMPTOM);

        Diagnostician kb = Diagnostician.start(List.of(dir));
        release.countDown();

        assertThat(kb.knowledge().symptoms()).anyMatch(s -> s.id().equals("user-symptom"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!preload.engineDone() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(preload.engineDone()).isTrue();
        assertThat(built).as("the abandoned preload built no rule engine").hasValue(0);
        // and it is gone: the next load without folders makes its own
        assertThat(Diagnostician.load(List.of()).diagnose(FactBundle.builder().build()))
                .isEqualTo(loaded.diagnose(FactBundle.builder().build()));
    }
}

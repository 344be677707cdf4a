package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflowkb.cli.render.JsonRenderer;
import io.mailflowkb.rules.Diagnostician;
import io.mailflowkb.rules.knowledge.KnowledgeExample;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The knowledge load begun before parsing: started only when it will be used, used only when it is what was asked. */
class HeadStartTest {

    @AfterEach
    void nothingLeftBegun() {
        if (HeadStart.pending()) {
            HeadStart.diagnostician(List.of());
        }
    }

    @ParameterizedTest(name = "{0} -> begun {1}")
    @CsvSource(delimiter = '|', value = {
            "diagnose --example tls12-client-disabled-export --format json | true",
            "diagnose bundle.yaml | true",
            "diagnose --format=json --batch dir | true",
            "diagnose --knowledge mine --example x | false",
            "diagnose --knowledge=mine bundle.yaml | false",
            "diagnose @arguments.txt | false",
            "diagnose --help | false",
            "diagnose -V | false",
            "diagnose -- --knowledge | true",
            "collect --registry a.reg | false",
            "rules test | false",
            "--version | false"})
    void beginsOnlyForADiagnosisOfTheShippedKnowledgeAlone(String commandLine, boolean begun) {
        HeadStart.begin(commandLine.split(" "));
        assertThat(HeadStart.pending()).isEqualTo(begun);
    }

    @Test
    void theEarlyLoadDiagnosesExactlyLikeAFreshOne() {
        HeadStart.begin(new String[] {"diagnose", "--example", "tls12-client-disabled-export", "--format", "json"});
        assertThat(HeadStart.pending()).isTrue();
        Diagnostician early = HeadStart.diagnostician(List.of());
        assertThat(HeadStart.pending()).as("used once").isFalse();
        Diagnostician fresh = Diagnostician.load(List.of());
        assertThat(early).isNotSameAs(fresh);
        KnowledgeExample example = fresh.knowledge().example("tls12-client-disabled-export").orElseThrow();
        assertThat(early.knowledge().examples()).hasSameSizeAs(fresh.knowledge().examples());
        var bundle = new io.mailflowkb.cli.input.InputAssembler(io.mailflowkb.cli.input.CollectorCatalog.load(List.of()),
                fresh.compiledSymptoms(), java.util.Map.of()).readExample(example);
        assertThat(new JsonRenderer().render(early.diagnose(bundle)))
                .isEqualTo(new JsonRenderer().render(fresh.diagnose(bundle)))
                .contains("\"id\": \"tls12-client-disabled\"");
    }

    @Test
    void otherKnowledgeFoldersAreLoadedAsAskedAndTheEarlyLoadIsDropped() {
        HeadStart.begin(new String[] {"diagnose", "bundle.yaml"});
        Path checkout = KnowledgeFoldersTest.CHECKOUT;
        Diagnostician asked = HeadStart.diagnostician(List.of(checkout));
        assertThat(HeadStart.pending()).isFalse();
        assertThat(asked.knowledge().examples()).isNotEmpty();
        // without an early load the same call still loads, and again as asked
        assertThatThrownBy(() -> HeadStart.diagnostician(List.of(checkout.resolve("no-such-folder"))))
                .hasMessageContaining("no-such-folder");
    }

    @Test
    void aFailureOnTheHeadStartThreadIsThrownAsItselfToTheCaller() {
        RuntimeException bad = new IllegalArgumentException("knowledge/x.yaml:3: broken");
        FutureTask<Object> failing = new FutureTask<>(() -> {
            throw bad;
        });
        failing.run();
        assertThatThrownBy(() -> HeadStart.await(failing)).isSameAs(bad);
        OutOfMemoryError oom = new OutOfMemoryError("test");
        FutureTask<Object> outOfMemory = new FutureTask<>(() -> {
            throw oom;
        });
        outOfMemory.run();
        assertThatThrownBy(() -> HeadStart.await(outOfMemory)).isSameAs(oom);
    }
}

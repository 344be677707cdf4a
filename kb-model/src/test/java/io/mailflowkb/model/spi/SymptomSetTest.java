package io.mailflowkb.model.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.knowledge.SymptomDefinition;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The symptoms a request carries: compiled once, refused patterns reported once, unusable definitions left out. */
class SymptomSetTest {

    private static SymptomDefinition def(String id, String regex, String... literals) {
        return new SymptomDefinition(id, id, List.of(literals), regex, List.of(), "unknown", List.of(), null);
    }

    @Test
    void regexesAreCompiledOnceAndSharedByIndex() {
        SymptomSet set = SymptomSet.of(List.of(def("lit", null, "421 4.4.2"), def("re", "5\\.7\\.6[0-9] TLS")));
        assertThat(set.definitions()).extracting(SymptomDefinition::id).containsExactly("lit", "re");
        assertThat(set.regex(0)).isNull();
        assertThat(set.regex(1)).isSameAs(set.regex(1));
        assertThat(set.regex(1).find("x 5.7.66 tls 1.0")).isTrue();  // case-insensitive, as every knowledge regex
        assertThat(set.problems()).isEmpty();
    }

    @Test
    void aRefusedRegexIsOneProblemNamingTheSymptomAndWhere() {
        SymptomSet set = SymptomSet.of(List.of(def("backref", "(x)\\1", "still matched by its literal")));
        assertThat(set.definitions()).hasSize(1);   // the literal still counts
        assertThat(set.regex(0)).isNull();
        assertThat(set.problems()).singleElement().satisfies(p ->
                assertThat(p).startsWith("symptom backref: regex ignored: ").contains("at character 4"));
    }

    @Test
    void definitionsWithoutAnIdAreLeftOutKeepingTheOrderOfTheRest() {
        SymptomSet set = SymptomSet.of(Arrays.asList(def("a", null, "x"), null, def(" ", null, "y"),
                def(null, null, "z"), def("b", "b+")));
        assertThat(set.definitions()).extracting(SymptomDefinition::id).containsExactly("a", "b");
        assertThat(set.regex(1)).isNotNull();
    }

    @Test
    void aRequestWithoutSymptomsCarriesTheEmptySet() {
        Request r = Request.forTarget(InputKind.PROBE, "mx.example:25", null);
        assertThat(r.symptoms()).isSameAs(SymptomSet.EMPTY);
        assertThat(SymptomSet.EMPTY.definitions()).isEmpty();
        assertThat(new Request(InputKind.LOGS, null, null, "x", null, null, null, null).symptoms())
                .isSameAs(SymptomSet.EMPTY);
    }
}

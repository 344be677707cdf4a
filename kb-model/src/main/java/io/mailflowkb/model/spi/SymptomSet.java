package io.mailflowkb.model.spi;

import io.mailflowkb.model.knowledge.SymptomDefinition;
import io.mailflowkb.model.regex.KnowledgeRegex;
import io.mailflowkb.model.regex.RegexRejectedException;
import java.util.ArrayList;
import java.util.List;

/**
 * The knowledge's symptoms as a collector that scans text receives them ({@link CollectionRequest#symptoms()}):
 * compiled once by the caller that loaded the knowledge, so no collector compiles or loads knowledge itself and a
 * pattern the regex engine refuses is reported once. Definitions without an id are left out (they could not
 * become a {@link io.mailflowkb.model.fact.Symptom} fact; the knowledge loader rejects them anyway). Immutable and
 * thread-safe: one set serves every collector and every reading thread.
 */
public final class SymptomSet {

    /** No symptoms: what a request without knowledge carries (with the shipped Exchange Online ranges). */
    public static final SymptomSet EMPTY = of(List.of());

    private final List<SymptomDefinition> definitions;
    private final KnowledgeRegex[] patterns;
    private final List<String> problems;
    private final ExoAddressRanges exoAddressRanges;

    private SymptomSet(List<SymptomDefinition> definitions, KnowledgeRegex[] patterns, List<String> problems,
                       ExoAddressRanges exoAddressRanges) {
        this.definitions = definitions;
        this.patterns = patterns;
        this.problems = problems;
        this.exoAddressRanges = exoAddressRanges;
    }

    /** As {@link #of(List, ExoAddressRanges)} with the shipped ranges ({@link ExoAddressRanges#PUBLISHED}). */
    public static SymptomSet of(List<SymptomDefinition> definitions) {
        return of(definitions, ExoAddressRanges.PUBLISHED);
    }

    /**
     * Compiles the definitions' regexes; a refused one is left out and named in {@link #problems()}.
     * {@code exoAddressRanges}: the knowledge's Exchange Online address table, which tells collectors which peer
     * addresses are Exchange Online ({@code null}: the shipped one).
     */
    public static SymptomSet of(List<SymptomDefinition> definitions, ExoAddressRanges exoAddressRanges) {
        List<SymptomDefinition> usable = definitions.stream()
                .filter(d -> d != null && d.id() != null && !d.id().isBlank()).toList();
        KnowledgeRegex[] patterns = new KnowledgeRegex[usable.size()];
        List<String> problems = new ArrayList<>();
        for (int d = 0; d < usable.size(); d++) {
            SymptomDefinition def = usable.get(d);
            if (def.regex() != null && !def.regex().isBlank()) {
                try {
                    patterns[d] = KnowledgeRegex.compile(def.regex());
                } catch (RegexRejectedException e) {
                    problems.add("symptom " + def.id() + ": regex ignored: " + e.withPosition());
                }
            }
        }
        return new SymptomSet(usable, patterns, List.copyOf(problems),
                exoAddressRanges == null ? ExoAddressRanges.PUBLISHED : exoAddressRanges);
    }

    /** The usable definitions, in knowledge order; indexes into this list are what {@link #regex} takes. */
    public List<SymptomDefinition> definitions() {
        return definitions;
    }

    /** The compiled regex of the definition at {@code index}, or {@code null} when it has none (or it was refused). */
    public KnowledgeRegex regex(int index) {
        return patterns[index];
    }

    /** Exchange Online's published mail address ranges, from the same knowledge as the symptoms. */
    public ExoAddressRanges exoAddressRanges() {
        return exoAddressRanges;
    }

    /** Definitions that could not be used as given, one line each (collectors show them as warnings). */
    public List<String> problems() {
        return problems;
    }
}

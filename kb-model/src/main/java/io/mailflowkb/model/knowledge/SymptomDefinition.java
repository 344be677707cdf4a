package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A symptom string the knowledge declares. Collectors that read text match every line against
 * {@link #literals} (case-insensitive substrings) and {@link #regex}; a hit becomes a
 * {@link io.mailflowkb.model.fact.Symptom} with this id.
 *
 * @param id         stable id, e.g. {@code socketerror-421}
 * @param title      what it is, in words
 * @param literals   exact texts as Microsoft documents them; matched case-insensitively as substrings
 * @param regex      an optional pattern for variants (length-capped and checked by the loader)
 * @param seenIn     where admins meet it: {@code ndr}, {@code queue}, {@code send-log}, {@code receive-log},
 *                   {@code app-log}, {@code event}
 * @param direction  {@code outbound}, {@code inbound} or {@code unknown}: the flow the text implies
 * @param references where the exact text is documented
 * @param failure    whether the text reports mail flow failing (a rejected, dropped or deferred connection or
 *                   message): a failure symptom that no finding explains becomes {@code unexplained-symptom}, so a
 *                   diagnosis never reports "no problem" over it. {@code null} is read as {@code false}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SymptomDefinition(String id, String title, List<String> literals, String regex, List<String> seenIn,
                                String direction, List<ReferenceDefinition> references, Boolean failure,
                                @JsonIgnore SourceLocation at) implements Located<SymptomDefinition> {

    public SymptomDefinition {
        literals = literals == null ? List.of() : List.copyOf(literals);
        seenIn = seenIn == null ? List.of() : List.copyOf(seenIn);
        references = references == null ? List.of() : List.copyOf(references);
    }

    @Override
    public SymptomDefinition at(SourceLocation location) {
        return new SymptomDefinition(id, title, literals, regex, seenIn, direction, references, failure, location);
    }

    /** A symptom that is not marked as a failure (as written before {@code failure} existed). */
    public SymptomDefinition(String id, String title, List<String> literals, String regex, List<String> seenIn,
                             String direction, List<ReferenceDefinition> references, SourceLocation at) {
        this(id, title, literals, regex, seenIn, direction, references, null, at);
    }

    /** Whether this symptom reports a failure ({@link #failure} set to true). */
    @JsonIgnore
    public boolean isFailure() {
        return Boolean.TRUE.equals(failure);
    }
}

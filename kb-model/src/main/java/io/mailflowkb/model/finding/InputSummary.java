package io.mailflowkb.model.finding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What one input contributed.
 *
 * @param source    the input as the user named it
 * @param collector the collector that read it ({@code bundle} for a fact bundle)
 * @param facts     how many facts it produced
 * @param warnings  lines that were skipped or doubtful, each naming its line
 * @param skipped   why the whole input was not used, or {@code null} when it was read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputSummary(String source, String collector, int facts, List<String> warnings, String skipped) {
    public InputSummary {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public InputSummary(String source, String collector, int facts, List<String> warnings) {
        this(source, collector, facts, warnings, null);
    }
}

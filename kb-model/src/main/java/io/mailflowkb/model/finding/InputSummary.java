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
 * @param kind      what the file is, detected from its content ({@code registry export},
 *                  {@code Exchange SMTP protocol log}, ...), or {@code null} when not detected (bundles, live targets)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputSummary(String source, String collector, int facts, List<String> warnings, String skipped,
                           String kind) {
    public InputSummary {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        kind = kind == null || kind.isEmpty() ? null : kind;
    }

    public InputSummary(String source, String collector, int facts, List<String> warnings, String skipped) {
        this(source, collector, facts, warnings, skipped, null);
    }

    public InputSummary(String source, String collector, int facts, List<String> warnings) {
        this(source, collector, facts, warnings, null, null);
    }
}

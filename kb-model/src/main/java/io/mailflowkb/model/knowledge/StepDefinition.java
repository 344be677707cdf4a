package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One remediation step as written in a knowledge file: what to do, and the exact commands. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StepDefinition(String text, List<String> commands) {
    public StepDefinition {
        commands = commands == null ? List.of() : List.copyOf(commands);
    }
}

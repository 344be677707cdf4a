package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One remediation step as written in a knowledge file: what to do, and the exact commands.
 *
 * @param generic {@code true} for the generic "install the latest updates" step: it comes first only when the
 *                Exchange build is unknown or below the TLS 1.2 baseline, otherwise after the steps that fix the
 *                finding on this server
 * @param about   {@code local} (a step on this organisation's server, e.g. an Exchange cmdlet), {@code peer} (a
 *                step for the administrator of a probed peer; {@code <peer>} in its text and commands becomes
 *                the probed host), or absent for both. A finding shows only the steps that fit its evidence.
 * @param fixCommands {@code true}: the step's first commands are generated from the finding's {@code fix} entries
 *                (one {@code reg add} per entry that holds for every server), so the values are written once; the
 *                loader puts them in front of {@code commands}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StepDefinition(String text, List<String> commands, Boolean generic, String about,
                             Boolean fixCommands) {
    public StepDefinition {
        commands = commands == null ? List.of() : List.copyOf(commands);
    }

    public StepDefinition(String text, List<String> commands, Boolean generic, String about) {
        this(text, commands, generic, about, null);
    }

    public StepDefinition(String text, List<String> commands) {
        this(text, commands, null, null, null);
    }

    /** Whether the loader generates this step's {@code reg add} commands from the finding's fix entries. */
    @JsonIgnore
    public boolean commandsFromFix() {
        return Boolean.TRUE.equals(fixCommands);
    }

    @JsonIgnore
    public boolean isGeneric() {
        return Boolean.TRUE.equals(generic);
    }
}

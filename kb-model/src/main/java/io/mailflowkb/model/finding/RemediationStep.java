package io.mailflowkb.model.finding;

import java.util.List;

/**
 * One step of a fix, in the order to apply them.
 *
 * @param step     1-based position
 * @param text     what to do and why, in words
 * @param commands exact commands (reg add, PowerShell) that carry the step out; may be empty
 */
public record RemediationStep(int step, String text, List<String> commands) {
    public RemediationStep {
        commands = commands == null ? List.of() : List.copyOf(commands);
    }
}

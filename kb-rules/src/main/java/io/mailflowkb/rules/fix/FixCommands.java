package io.mailflowkb.rules.fix;

import io.mailflowkb.model.knowledge.FindingDefinition;
import io.mailflowkb.model.knowledge.FixDefinition;
import io.mailflowkb.model.knowledge.StepDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The remediation commands a finding's {@code fix} entries state: a step marked {@code fixCommands: true} gets one
 * {@code reg add} per entry that holds for every server, in the entries' order, before its own commands. The values
 * are then written once in the knowledge, and the report's commands cannot drift from the fix script's values.
 * Version-dependent entries are left out: which version a report's command names depends on the evidence, and the
 * step's text says it in words.
 */
public final class FixCommands {

    private FixCommands() {
    }

    /** The definition with every {@code fixCommands} step's generated commands in place. */
    public static FindingDefinition expand(FindingDefinition d) {
        if (d.remediation().stream().noneMatch(StepDefinition::commandsFromFix)) {
            return d;
        }
        List<StepDefinition> steps = new ArrayList<>();
        for (StepDefinition s : d.remediation()) {
            if (!s.commandsFromFix()) {
                steps.add(s);
                continue;
            }
            List<String> commands = new ArrayList<>(commands(d.fix()));
            commands.addAll(s.commands());
            steps.add(new StepDefinition(s.text(), commands, s.generic(), s.about(), s.fixCommands()));
        }
        return new FindingDefinition(d.id(), d.severity(), d.direction(), d.title(), d.summary(), d.when(),
                d.alsoWhen(), steps, d.references(), d.fix(), d.causedBy(), d.at());
    }

    /** {@code reg add "KEY" /v NAME /t REG_DWORD /d DECIMAL /f} for each entry that holds for every server. */
    static List<String> commands(List<FixDefinition> fix) {
        List<String> out = new ArrayList<>();
        for (FixDefinition f : fix) {
            Long value = f.dword();
            if (!f.versionDependent() && value != null) {
                out.add("reg add \"" + f.key() + "\" /v " + f.name() + " /t " + f.type() + " /d " + value + " /f");
            }
        }
        return out;
    }
}

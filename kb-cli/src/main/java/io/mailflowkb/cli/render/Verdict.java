package io.mailflowkb.cli.render;

import io.mailflowkb.model.finding.Diagnosis;

/**
 * The one-line verdict under the report header, the same words in every format. A comparison whose earlier problems
 * were not re-examined must not read as a clean bill: the inputs found nothing, the baseline's problems may remain.
 */
final class Verdict {

    private Verdict() {
    }

    static String of(Diagnosis d) {
        long problems = d.findings().stream().filter(f -> f.severity().failsRun()).count();
        if (problems > 0) {
            return problems + (problems == 1 ? " problem" : " problems") + " found.";
        }
        long unchecked = d.comparison() == null ? 0
                : d.comparison().notReexamined().stream().filter(f -> f.severity().failsRun()).count();
        if (unchecked == 0) {
            return "No mail-flow problem found at warning or above.";
        }
        return "No mail-flow problem found at warning or above in these inputs, but " + unchecked
                + (unchecked == 1 ? " earlier problem was" : " earlier problems were")
                + " not re-examined (see below).";
    }
}

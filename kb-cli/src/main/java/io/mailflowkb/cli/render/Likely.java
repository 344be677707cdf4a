package io.mailflowkb.cli.render;

import io.mailflowkb.model.finding.Confidence;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.rules.engine.FindingNote;

/**
 * How the reports show a lower-confidence finding: "Likely: " before its title, and a line saying why the
 * engine lowered it and what would confirm it (the correlation note's words, which name the missing export and
 * also stand in the evidence). Words only: the engine decided the confidence.
 */
final class Likely {

    static final String TITLE_PREFIX = "Likely: ";

    private Likely() {
    }

    static boolean applies(Finding f) {
        return f.confidence() == Confidence.LOWER;
    }

    /** The title as every format shows it. */
    static String title(Finding f) {
        return applies(f) ? TITLE_PREFIX + f.title() : f.title();
    }

    /** {@code Lower confidence: <why, naming what would confirm it>.}, or {@code null}. */
    static String line(Finding f) {
        if (!applies(f)) {
            return null;
        }
        String why = f.evidence().stream().filter(e -> e.kind() == Evidence.Kind.CORRELATION).map(Evidence::fact)
                .filter(t -> t.startsWith(FindingNote.LOWER_CONFIDENCE))
                .map(t -> t.substring(FindingNote.LOWER_CONFIDENCE.length())).findFirst()
                .orElse("the evidence that decides it was not in the inputs");
        // the notes name the export that would confirm the finding; Collect next says how to get it
        return "Lower confidence: " + why.replace("(see missing evidence)", "(Collect next says how to get it)")
                + (why.endsWith(".") ? "" : ".");
    }
}

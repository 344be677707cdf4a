package io.mailflowkb.cli.render;

import io.mailflowkb.model.text.ControlCharacters;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.InputSummary;
import io.mailflowkb.model.finding.MissingEvidence;
import io.mailflowkb.model.finding.Reference;
import io.mailflowkb.model.finding.RemediationStep;
import io.mailflowkb.model.finding.Severity;
import java.util.Locale;

/**
 * The report for people at a terminal: most severe finding first, each with a one-line "do this first", the
 * evidence that proved it, numbered steps with exact commands, and where to read more; fits 80 columns.
 */
public final class TextRenderer implements Renderer {

    static final int WIDTH = 80;
    private final boolean color;

    public TextRenderer(boolean color) {
        this.color = color;
    }

    @Override
    public String render(Diagnosis d) {
        StringBuilder b = new StringBuilder();
        long problems = d.findings().stream().filter(f -> f.severity().failsRun()).count();
        b.append(bold(problems == 0 ? "No mail-flow problem found at warning or above."
                : problems + (problems == 1 ? " problem" : " problems") + " found.")).append("\n");
        for (Finding f : d.findings()) {
            b.append("\n");
            b.append(paint(f.severity(), "[" + f.severity().id().toUpperCase(Locale.ROOT) + "]")).append(' ')
                    .append(bold(f.id())).append("  (").append(f.direction().id()).append(")\n");
            wrap(b, f.title(), "  ", "  ");
            if (!f.remediation().isEmpty()) {
                wrap(b, "Do this first: " + firstSentence(f.remediation().get(0).text()), "  ", "    ");
            }
            b.append("  Why:\n");
            for (Evidence e : f.evidence()) {
                // evidence quotes inputs (log lines, file names): never let their control characters reach the terminal
                wrap(b, ControlCharacters.escape(e.source() + "  " + e.fact()), "    - ", "      ");
            }
            b.append("  What to do:\n");
            for (RemediationStep s : f.remediation()) {
                wrap(b, s.text(), "    " + s.step() + ". ", "       ");
                for (String c : s.commands()) {
                    b.append("         ").append(c).append("\n");
                }
            }
            b.append("  Read more:\n");
            for (Reference r : f.references()) {
                wrap(b, r.title(), "    - ", "      ");
                b.append("      ").append(r.url()).append("\n");
            }
            b.append("  Rule: ").append(f.rule()).append("\n");
        }
        if (!d.missingEvidence().isEmpty()) {
            b.append("\n").append(bold("Collect next:")).append("\n");
            for (MissingEvidence m : d.missingEvidence()) {
                wrap(b, m.what(), "  - ", "    ");
                wrap(b, "Why: " + m.why(), "    ", "    ");
                wrap(b, "How: " + m.how(), "    ", "    ");
            }
        }
        if (!d.inputs().isEmpty()) {
            b.append("\n").append(bold("Inputs:")).append("\n");
            for (InputSummary i : d.inputs()) {
                wrap(b, ControlCharacters.escape(i.source() + " (" + i.collector() + ", " + i.facts()
                        + (i.facts() == 1 ? " fact" : " facts") + (i.skipped() != null ? ", skipped: " + i.skipped() : "")
                        + ")"), "  ", "    ");
                for (String w : i.warnings()) {
                    wrap(b, ControlCharacters.escape("warning: " + w), "    ", "      ");
                }
            }
        }
        return b.toString();
    }

    private static String firstSentence(String text) {
        int dot = text.indexOf(". ");
        return dot > 0 && dot < 200 ? text.substring(0, dot + 1) : text;
    }

    /** Word-wraps to {@link #WIDTH}; words longer than a line (paths, URLs) stay whole rather than break. */
    static void wrap(StringBuilder b, String text, String first, String rest) {
        String prefix = first;
        StringBuilder line = new StringBuilder(prefix);
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > prefix.length() && line.length() + 1 + word.length() > WIDTH) {
                b.append(line).append("\n");
                prefix = rest;
                line = new StringBuilder(prefix);
            }
            if (line.length() > prefix.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        b.append(line).append("\n");
    }

    private String bold(String s) {
        return color ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    private String paint(Severity s, String text) {
        if (!color) {
            return text;
        }
        String code = switch (s) {
            case CRITICAL -> "\u001b[1;31m";
            case WARNING -> "\u001b[1;33m";
            case INFO -> "\u001b[36m";
        };
        return code + text + "\u001b[0m";
    }
}

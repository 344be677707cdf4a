package io.mailflowkb.cli.render;

import io.mailflowkb.model.text.ControlCharacters;
import io.mailflowkb.model.finding.Comparison;
import io.mailflowkb.model.finding.Confirmation;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.InputSummary;
import io.mailflowkb.model.finding.MissingEvidence;
import io.mailflowkb.model.finding.Reference;
import io.mailflowkb.model.finding.RemediationStep;
import io.mailflowkb.model.finding.NotReexaminedFinding;
import io.mailflowkb.model.finding.ResolvedFinding;
import io.mailflowkb.model.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report for people at a terminal: what was diagnosed, root causes first, each finding with why it matters,
 * a one-line "do this first", the evidence that proved it, numbered steps with exact commands, and where to read
 * more; then what was confirmed and what was not looked at. Wraps prose at the width it is given (80 unless the
 * terminal is wider or narrower); commands are never wrapped, so they can be copied whole.
 */
public final class TextRenderer implements Renderer {

    static final int WIDTH = 80;
    /** Narrower terminals still get 40 columns: below that every line would wrap after a word or two. */
    static final int MIN_WIDTH = 40;
    private final boolean color;
    private final int width;

    public TextRenderer(boolean color) {
        this(color, WIDTH);
    }

    public TextRenderer(boolean color, int width) {
        this.color = color;
        this.width = Math.max(MIN_WIDTH, width);
    }

    @Override
    public String render(Diagnosis d) {
        StringBuilder b = new StringBuilder();
        header(b, d);
        b.append("\n").append(bold(Verdict.of(d))).append("\n");
        if (d.comparison() != null) {
            comparison(b, d.comparison());
        }
        for (Finding f : d.findings()) {
            finding(b, f, d);
        }
        if (!d.confirmations().isEmpty()) {
            b.append("\n").append(bold("Confirmed:")).append("\n");
            for (Confirmation c : d.confirmations()) {
                List<String> pieces = new ArrayList<>(ProseTokens.of(c.what()));
                pieces.add("(" + c.source().strip().replaceAll("\\s+", " ") + ")");
                wrap(b, pieces, "  - ", "    ", width);
            }
        }
        if (!d.notExamined().isEmpty()) {
            b.append("\n").append(bold("Not looked at:")).append("\n");
            d.notExamined().forEach(n -> wrapped(b, n, "  - ", "    "));
        }
        if (!d.missingEvidence().isEmpty()) {
            b.append("\n").append(bold("Collect next:")).append("\n");
            for (MissingEvidence m : d.missingEvidence()) {
                wrapped(b, m.what(), "  - ", "    ");
                wrapped(b, "Why: " + m.why(), "    ", "    ");
                // "How" holds the commands to run: one line, never wrapped, so it can be copied whole
                b.append("    How: ").append(m.how().strip().replaceAll("\\s+", " ")).append("\n");
            }
        }
        if (!d.inputs().isEmpty()) {
            b.append("\n").append(bold("Inputs:")).append("\n");
            for (InputSummary i : d.inputs()) {
                wrapped(b, ControlCharacters.escape(i.source() + " (" + i.collector() + ", " + i.facts()
                        + (i.facts() == 1 ? " fact" : " facts") + (i.skipped() != null ? ", skipped: " + i.skipped() : "")
                        + ")"), "  ", "    ");
                for (String w : i.warnings()) {
                    wrapped(b, ControlCharacters.escape("warning: " + w), "    ", "      ");
                }
            }
        }
        return b.toString();
    }

    private void header(StringBuilder b, Diagnosis d) {
        b.append(bold(ReportContext.DEFAULT_TITLE)).append("\n");
        List<ReportHeader> lines = ReportHeader.of(d);
        int pad = lines.stream().mapToInt(l -> l.label().length()).max().orElse(0) + 2;
        for (ReportHeader l : lines) {
            String first = "  " + l.label() + ":" + " ".repeat(pad - l.label().length() - 1);
            wrapped(b, l.value(), first, " ".repeat(first.length()));
        }
    }

    private void comparison(StringBuilder b, Comparison c) {
        b.append("\n");
        wrapped(b, "Compared with " + c.baseline() + " (as of " + c.sinceText() + "): " + c.resolved().size() + " resolved, "
                + (c.notReexamined().isEmpty() ? "" : c.notReexamined().size() + " not re-examined, ")
                + c.stillPresent().size() + " still present, " + c.newIds().size() + " new.", "", "  ");
        if (c.warning() != null) {
            wrapped(b, "warning: " + c.warning(), "", "  ");
        }
        if (!c.resolved().isEmpty()) {
            b.append(bold("Resolved since " + c.sinceText() + ":")).append("\n");
            for (ResolvedFinding r : c.resolved()) {
                wrapped(b, r.id() + " (" + r.severity().id() + "): " + r.title(), "  - ", "    ");
                for (Evidence e : r.evidence()) {
                    wrappedAt(b, ControlCharacters.escape("was: " + e.source()), ControlCharacters.escape(e.fact()),
                            "    ", "      ");
                }
            }
        }
        if (!c.notReexamined().isEmpty()) {
            b.append(bold("Not re-examined (the evidence that proved them was not given again):")).append("\n");
            for (NotReexaminedFinding r : c.notReexamined()) {
                wrapped(b, r.id() + " (" + r.severity().id() + "): " + r.title(), "  - ", "    ");
                wrapped(b, ControlCharacters.escape("collect again: " + String.join(", ", r.collect())), "    ",
                        "      ");
                for (Evidence e : r.evidence()) {
                    wrapped(b, ControlCharacters.escape("was: " + e.source() + "  " + e.fact()), "    ", "      ");
                }
            }
        }
    }

    private void finding(StringBuilder b, Finding f, Diagnosis d) {
        b.append("\n");
        String severity = "[" + f.severity().id().toUpperCase(Locale.ROOT) + "]";
        String where = "(" + f.direction().id() + (f.status() == null ? "" : ", " + f.status().id().replace('-', ' '))
                + ")";
        // measured without colour codes; on a narrow terminal the direction goes to a line of its own
        boolean fits = severity.length() + 1 + f.id().length() + 2 + where.length() <= width;
        b.append(paint(f.severity(), severity)).append(' ').append(bold(f.id())).append(fits ? "  " : "\n  ")
                .append(where).append("\n");
        wrapped(b, Likely.title(f), "  ", "  ");
        if (f.summary() != null) {
            wrapped(b, f.summary(), "  ", "  ");
        }
        if (Likely.applies(f)) {
            wrapped(b, Likely.line(f), "  ", "    ");
        }
        if (!f.causedBy().isEmpty()) {
            wrapped(b, "Caused by: " + String.join(", ", f.causedBy()) + " (above)", "  ", "    ");
        }
        if (!f.remediation().isEmpty()) {
            wrapped(b, "Do this first: " + firstSentence(f.remediation().get(0).text()), "  ", "    ");
        }
        b.append("  Why:\n");
        for (Evidence e : f.evidence()) {
            // evidence quotes inputs (log lines, file names): never let their control characters reach the terminal
            wrappedAt(b, ControlCharacters.escape(e.source()), ControlCharacters.escape(e.fact()), "    - ", "      ");
        }
        b.append("  What to do:\n");
        for (RemediationStep s : f.remediation()) {
            wrapped(b, s.text(), "    " + s.step() + ". ", "       ");
            for (String c : s.commands()) {
                // never wrapped: a command is copied whole
                b.append("         ").append(c).append("\n");
            }
        }
        b.append("  Read more:\n");
        for (Reference r : f.references()) {
            wrapped(b, r.title(), "    - ", "      ");
            b.append("      ").append(r.url()).append("\n");
        }
        // a citation is one unbreakable word: on its own line when "  Rule: " and it pass 80 columns
        b.append("  Rule:").append(f.rule().length() > 72 ? "\n    " : " ").append(f.rule()).append("\n");
    }

    private static String firstSentence(String text) {
        int dot = text.indexOf(". ");
        return dot > 0 && dot < 200 ? text.substring(0, dot + 1) : text;
    }

    private void wrapped(StringBuilder b, String text, String first, String rest) {
        wrap(b, text, first, rest, width);
    }

    /**
     * Word-wraps to {@link #WIDTH}; pieces longer than a line (paths, URLs) stay whole rather than break, and so do
     * registry paths with spaces in their key names ({@link ProseTokens}).
     */
    static void wrap(StringBuilder b, String text, String first, String rest) {
        wrap(b, text, first, rest, WIDTH);
    }

    static void wrap(StringBuilder b, String text, String first, String rest, int width) {
        wrap(b, ProseTokens.of(text), first, rest, width);
    }

    /** Wraps {@code where} (a {@code file:line}, kept whole even when the file name has spaces) and then the text. */
    private void wrappedAt(StringBuilder b, String where, String text, String first, String rest) {
        List<String> pieces = new ArrayList<>();
        pieces.add(where.strip().replaceAll("\\s+", " "));
        pieces.addAll(ProseTokens.of(text));
        wrap(b, pieces, first, rest, width);
    }

    private static void wrap(StringBuilder b, List<String> pieces, String first, String rest, int width) {
        String prefix = first;
        StringBuilder line = new StringBuilder(prefix);
        for (String word : pieces) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > prefix.length() && line.length() + 1 + word.length() > width) {
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

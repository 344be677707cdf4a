package io.mailflowkb.cli.render;

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
import java.util.Locale;

/**
 * A ticket-ready report in GitHub-flavoured Markdown: a summary table, then one section per finding (evidence,
 * numbered steps with commands in fenced blocks, references as links), missing evidence and the inputs read.
 * Every piece of text from inputs or knowledge goes through {@link MarkdownText}, so it cannot add structure.
 */
public final class MarkdownRenderer implements Renderer {

    private final ReportContext context;

    public MarkdownRenderer() {
        this(ReportContext.plain());
    }

    public MarkdownRenderer(ReportContext context) {
        this.context = context;
    }

    @Override
    public String render(Diagnosis d) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(MarkdownText.inline(context.title())).append("\n\n");
        for (ReportHeader h : ReportHeader.of(d)) {
            b.append("- **").append(MarkdownText.inline(h.label())).append(":** ").append(MarkdownText.inline(h.value()))
                    .append("\n");
        }
        b.append("\n");
        b.append("**").append(MarkdownText.inline(Verdict.of(d))).append("**\n\n");
        if (d.comparison() != null) {
            comparison(b, d.comparison());
        }
        summaryTable(b, d);
        for (Finding f : d.findings()) {
            finding(b, f, d);
        }
        if (!d.confirmations().isEmpty()) {
            b.append("## Confirmed\n\n");
            for (Confirmation c : d.confirmations()) {
                b.append("- ").append(MarkdownText.inline(c.what())).append(" (").append(MarkdownText.code(c.source()))
                        .append(")\n");
            }
            b.append("\n");
        }
        if (!d.notExamined().isEmpty()) {
            b.append("## Not looked at\n\n");
            d.notExamined().forEach(n -> b.append("- ").append(MarkdownText.inline(n)).append("\n"));
            b.append("\n");
        }
        if (context.fixScript() != null || !context.fixNotes().isEmpty()) {
            b.append("## Fix script\n\n");
            context.fixNotes().forEach(n -> b.append("- ").append(MarkdownText.inline(n)).append("\n"));
            b.append(context.fixNotes().isEmpty() ? "" : "\n");
        }
        if (context.fixScript() != null) {
            b.append("Review before running; it changes the registry.\n\n")
                    .append(MarkdownText.fenced(context.fixScript(), "powershell")).append("\n");
        }
        if (!d.missingEvidence().isEmpty()) {
            b.append("## Missing evidence\n\n");
            for (MissingEvidence m : d.missingEvidence()) {
                b.append("- **").append(MarkdownText.inline(m.what())).append("**  \n")
                        .append("  Why: ").append(MarkdownText.inline(m.why())).append("  \n")
                        .append("  How: ").append(MarkdownText.code(m.how())).append("\n");
            }
            b.append("\n");
        }
        inputs(b, d);
        return b.toString();
    }

    private static void comparison(StringBuilder b, Comparison c) {
        b.append("Compared with ").append(MarkdownText.code(c.baseline())).append(" (as of ").append(MarkdownText.inline(c.sinceText()))
                .append("): ").append(c.resolved().size()).append(" resolved, ")
                .append(c.notReexamined().isEmpty() ? "" : c.notReexamined().size() + " not re-examined, ")
                .append(c.stillPresent().size())
                .append(" still present, ").append(c.newIds().size()).append(" new.\n\n");
        if (c.warning() != null) {
            b.append("> **Warning:** ").append(MarkdownText.inline(c.warning())).append("\n\n");
        }
        notReexamined(b, c);
        if (c.resolved().isEmpty()) {
            return;
        }
        b.append("## Resolved since ").append(MarkdownText.inline(c.sinceText())).append("\n\n");
        for (ResolvedFinding r : c.resolved()) {
            b.append("- **").append(MarkdownText.inline(r.id())).append("** (").append(r.severity().id()).append("): ")
                    .append(MarkdownText.inline(r.title())).append("\n");
            for (Evidence e : r.evidence()) {
                b.append("  - was: ").append(MarkdownText.code(e.source())).append(": ")
                        .append(MarkdownText.inline(e.fact())).append("\n");
            }
        }
        b.append("\n");
    }

    private static void notReexamined(StringBuilder b, Comparison c) {
        if (c.notReexamined().isEmpty()) {
            return;
        }
        b.append("## Not re-examined\n\nThe evidence that proved these was not given again, so they may still be"
                + " there:\n\n");
        for (NotReexaminedFinding r : c.notReexamined()) {
            b.append("- **").append(MarkdownText.inline(r.id())).append("** (").append(r.severity().id()).append("): ")
                    .append(MarkdownText.inline(r.title())).append("\n  - collect again: ");
            for (int i = 0; i < r.collect().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(MarkdownText.inline(r.collect().get(i)));
            }
            b.append("\n");
            for (Evidence e : r.evidence()) {
                b.append("  - was: ").append(MarkdownText.code(e.source())).append(": ")
                        .append(MarkdownText.inline(e.fact())).append("\n");
            }
        }
        b.append("\n");
    }

    private static void summaryTable(StringBuilder b, Diagnosis d) {
        if (d.findings().isEmpty()) {
            b.append("No findings.\n\n");
            return;
        }
        b.append("| Severity | Finding | Title | Direction |\n|---|---|---|---|\n");
        for (Finding f : d.findings()) {
            // no code spans here: GitHub ends a cell at a pipe even inside a code span
            b.append("| ").append(severity(f)).append(" | [").append(MarkdownText.cell(f.id())).append("](#")
                    .append(anchor(f.id())).append(") | ").append(MarkdownText.cell(Likely.title(f))).append(" | ")
                    .append(MarkdownText.cell(f.direction().id())).append(" |\n");
        }
        b.append("\n");
    }

    private static void finding(StringBuilder b, Finding f, Diagnosis d) {
        b.append("## ").append(MarkdownText.inline(f.id())).append("\n\n");
        b.append("**").append(severity(f)).append("** · ").append(MarkdownText.inline(f.direction().id()))
                .append(f.status() == null ? "" : " · " + MarkdownText.inline(f.status().id()))
                .append(" · ").append(MarkdownText.inline(Likely.title(f))).append("\n\n");
        if (f.summary() != null) {
            b.append(MarkdownText.inline(f.summary())).append("\n\n");
        }
        if (Likely.applies(f)) {
            b.append("> ").append(MarkdownText.inline(Likely.line(f))).append("\n\n");
        }
        if (!f.causedBy().isEmpty()) {
            b.append("Caused by: ").append(String.join(", ", f.causedBy().stream().map(MarkdownText::inline).toList()))
                    .append(" (above)\n\n");
        }
        if (!f.remediation().isEmpty()) {
            b.append("> **Do this first:** ").append(MarkdownText.inline(f.remediation().get(0).text())).append("\n\n");
        }
        if (!f.evidence().isEmpty()) {
            b.append("### Evidence\n\n");
            for (Evidence e : f.evidence()) {
                b.append("- ").append(MarkdownText.code(e.source())).append(": ")
                        .append(MarkdownText.inline(e.fact())).append("\n");
            }
            b.append("\n");
        }
        if (!f.remediation().isEmpty()) {
            b.append("### Steps\n\n");
            for (RemediationStep s : f.remediation()) {
                b.append(s.step()).append(". ").append(MarkdownText.inline(s.text())).append("\n");
                if (!s.commands().isEmpty()) {
                    // indented by three spaces so the block stays inside the numbered item
                    String block = MarkdownText.fenced(String.join("\n", s.commands()), "powershell");
                    b.append("\n");
                    block.lines().forEach(l -> b.append("   ").append(l).append("\n"));
                    b.append("\n");
                }
            }
            b.append("\n");
        }
        if (!f.references().isEmpty()) {
            b.append("### References\n\n");
            for (Reference r : f.references()) {
                b.append("- ").append(MarkdownText.link(r.title(), r.url())).append("\n");
            }
            b.append("\n");
        }
        b.append("Rule: ").append(MarkdownText.code(f.rule())).append("\n\n");
    }

    private static void inputs(StringBuilder b, Diagnosis d) {
        if (d.inputs().isEmpty()) {
            return;
        }
        b.append("## Inputs\n\n");
        for (InputSummary i : d.inputs()) {
            b.append("- ").append(MarkdownText.code(i.source())).append(" (").append(MarkdownText.inline(i.collector()))
                    .append(", ").append(i.facts()).append(i.facts() == 1 ? " fact" : " facts");
            if (i.skipped() != null) {
                b.append(", skipped: ").append(MarkdownText.inline(i.skipped()));
            }
            b.append(")\n");
            for (String w : i.warnings()) {
                b.append("  - warning: ").append(MarkdownText.inline(w)).append("\n");
            }
        }
        b.append("\n");
    }

    private static String severity(Finding f) {
        return f.severity().id().toUpperCase(Locale.ROOT);
    }

    /** GitHub's heading anchor for an id: lower case, characters other than letters, digits, - and _ dropped. */
    static String anchor(String id) {
        return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_ -]", "").replace(' ', '-');
    }
}
